/** `GET /v1/catalog`: what the merchant's providers can cover, for the widget's pickers. */
import { Hono } from 'hono';
import { authenticate } from '../middleware/authenticate.ts';
import type { AppServices } from '../services.ts';

interface CatalogBrand {
  name: string;
  category: string;
  models: string[];
  providers: string[];
}

export function catalogRoutes({ config, adapters, providers: modules, logger, rateLimit }: AppServices) {
  return new Hono().get(
    '/',
    authenticate({ merchants: config.merchants, accept: ['publishable', 'secret'] }),
    rateLimit,
    async (context) => {
      const merchant = context.get('merchant');
      const enabled = merchant.providers.filter((provider) => adapters.has(provider)).map((provider) => adapters.get(provider)!);
      const categories = new Set<string>();
      const currencies = new Set<string>();
      const countries = new Set<string>();
      const brands = new Map<string, CatalogBrand>();
      const catalogs = await Promise.allSettled(enabled.map((adapter) => adapter.catalog()));
      catalogs.forEach((result, index) => {
        const adapter = enabled[index]!;
        if (result.status === 'rejected') {
          logger.warn('catalog failed', { provider: adapter.id, error: String(result.reason) });
          return;
        }
        result.value.categories.forEach((category) => categories.add(category));
        result.value.currencies.forEach((currency) => currencies.add(currency));
        result.value.countries.forEach((country) => countries.add(country));
        for (const brand of result.value.brands) {
          const key = `${brand.category}/${brand.name}`;
          const entry = brands.get(key) ?? { name: brand.name, category: brand.category, models: [], providers: [] };
          entry.models = [...new Set([...entry.models, ...(brand.models ?? [])])];
          entry.providers.push(adapter.id);
          brands.set(key, entry);
        }
      });
      return context.json({
        categories: [...categories].sort(),
        brands: [...brands.values()],
        currencies: [...currencies].sort(),
        countries: [...countries].sort(),
        providers: enabled.map((adapter) => ({
          id: adapter.id,
          name: modules.get(adapter.id)?.displayName ?? adapter.displayName,
          mode: adapter.mode,
        })),
      });
    },
  );
}
