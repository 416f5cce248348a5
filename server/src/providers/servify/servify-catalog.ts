/**
 * Servify's brand and product masters (`ServiceRequest/getBrandList`, `getProductList`),
 * cached for an hour: they change rarely. Quotes need only the brand list (for brand codes),
 * so it is cached apart from the per-brand product lists the catalog shows.
 */
import { createMemoCache } from '../kit/memo-cache.ts';
import type { ProviderCatalog } from '../types.ts';
import type { ServifyClient } from './servify-client.ts';
import { brandListSchema, productListSchema } from './servify-schemas.ts';

const CACHE_MS = 60 * 60 * 1000;
const MASTERS_TIMEOUT_MS = 8000;
const SUB_CATEGORY = 'SMARTPHONE';
const COUNTRY = 'IN';

type Brand = { brandCode: string; brandName: string };

/** A value fetched at most once per `CACHE_MS`; a failure is not cached. */
function hourly<T>(fetcher: () => Promise<T>): () => Promise<T> {
  const cache = createMemoCache<T>({ ttlMs: CACHE_MS, maxEntries: 1 });
  return () => cache.get('value', fetcher);
}

export function createServifyCatalog(client: ServifyClient) {
  const brands = hourly(async (): Promise<Brand[]> =>
    brandListSchema.parse(
      await client.call(
        '/ServiceRequest/getBrandList',
        { productSubCategoryCode: SUB_CATEGORY, countryCode: COUNTRY },
        AbortSignal.timeout(MASTERS_TIMEOUT_MS),
        { retry: true },
      ),
    ),
  );
  const catalog = hourly(async (): Promise<ProviderCatalog> => {
    const signal = AbortSignal.timeout(MASTERS_TIMEOUT_MS);
    const withModels = await Promise.all(
      (await brands()).map(async (brand) => {
        const products = productListSchema.parse(
          await client.call(
            '/ServiceRequest/getProductList',
            { productSubCategoryCode: SUB_CATEGORY, countryCode: COUNTRY, brandCode: brand.brandCode },
            signal,
            { retry: true },
          ),
        );
        return { name: brand.brandName, category: 'Mobile', models: products.map((product) => product.productName) };
      }),
    );
    return { categories: ['Mobile'], brands: withModels, currencies: ['INR'], countries: [COUNTRY] };
  });

  return {
    load: catalog,
    /** Servify's code for a brand name; the name itself where the masters do not list it (the doc's samples send names). */
    async brandCode(brandName: string): Promise<string> {
      const listed = await brands().catch(() => []);
      return listed.find((brand) => brand.brandName.toLowerCase() === brandName.trim().toLowerCase())?.brandCode ?? brandName.trim();
    },
  };
}
