/**
 * Servify's brand and product masters (`ServiceRequest/getBrandList`, `getProductList`),
 * cached for an hour: they change rarely and every quote needs the brand code.
 */
import type { ProviderCatalog } from '../types.ts';
import type { ServifyClient } from './servify-client.ts';
import { brandListSchema, productListSchema } from './servify-schemas.ts';

const CACHE_MS = 60 * 60 * 1000;
const CATALOG_TIMEOUT_MS = 8000;
const SUB_CATEGORY = 'SMARTPHONE';

interface Masters {
  brands: { brandCode: string; brandName: string; models: string[] }[];
  loadedAt: number;
}

export function createServifyCatalog(client: ServifyClient) {
  let masters: Promise<Masters> | null = null;

  async function fetchMasters(): Promise<Masters> {
    const signal = AbortSignal.timeout(CATALOG_TIMEOUT_MS);
    const brands = brandListSchema.parse(await client.call('/ServiceRequest/getBrandList', { productSubCategoryCode: SUB_CATEGORY, countryCode: 'IN' }, signal));
    const withModels = await Promise.all(
      brands.map(async (brand) => {
        const products = productListSchema.parse(
          await client.call('/ServiceRequest/getProductList', { productSubCategoryCode: SUB_CATEGORY, countryCode: 'IN', brandCode: brand.brandCode }, signal),
        );
        return { ...brand, models: products.map((product) => product.productName) };
      }),
    );
    return { brands: withModels, loadedAt: Date.now() };
  }

  async function current(): Promise<Masters> {
    const cached = masters && (await masters.catch(() => null));
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached;
    const loading = fetchMasters();
    masters = loading;
    loading.catch(() => {
      if (masters === loading) masters = null;
    });
    return loading;
  }

  return {
    async load(): Promise<ProviderCatalog> {
      const { brands } = await current();
      return {
        categories: ['Mobile'],
        brands: brands.map((brand) => ({ name: brand.brandName, category: 'Mobile', models: brand.models })),
        currencies: ['INR'],
        countries: ['IN'],
      };
    },
    /** Servify's code for a brand name; the name itself where the masters do not list it (the doc's samples send names). */
    async brandCode(brandName: string, signal: AbortSignal): Promise<string> {
      void signal;
      const listed = await current().catch(() => null);
      const match = listed?.brands.find((brand) => brand.brandName.toLowerCase() === brandName.trim().toLowerCase());
      return match?.brandCode ?? brandName.trim();
    },
  };
}
