/**
 * The later steps load on demand, so the offer view ships with only what it needs
 * (Vite splits each dynamic import into its own chunk). Each loader registers its
 * element through the same `define()` guard as the entry and resolves once it is usable.
 */
import { define } from './define.ts';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      // A failed chunk download (flaky network) may succeed on the next attempt.
      pending = undefined;
      throw error;
    }));
}

export const loadForm = once(async () => {
  // The offers' side-by-side comparison rides in the form's chunk: the list renders it once defined.
  const { CoverOfferForm, CoverOfferCompare } = await import('../components/cover-offer-form/cover-offer-form.ts');
  define('cover-offer-form', CoverOfferForm);
  define('cover-offer-compare', CoverOfferCompare);
});

export const loadSummary = once(async () => {
  const { CoverOrderSummary } = await import('../components/cover-order-summary/cover-order-summary.ts');
  define('cover-order-summary', CoverOrderSummary);
});

/** The shared schemas (zod/mini), for the few checks the offer view makes on demand. */
export const loadSchemas = once(() => import('../../../contract/schemas.ts'));

/** Brand and model pickers with the catalog call: only for pages that give no device. */
export const loadPicker = once(async () => {
  const { CoverDevicePicker } = await import('../components/cover-device-picker/cover-device-picker.ts');
  define('cover-device-picker', CoverDevicePicker);
});

/** The context provider the later steps read the widget's client, locale and strings from. */
export const loadContext = once(() => import('../context/widget-context.ts'));

/** The later steps `<cover-offers>` loads on demand. */
export type Step = 'form' | 'summary' | 'picker';

const loaders: Record<Step, () => Promise<void>> = { form: loadForm, summary: loadSummary, picker: loadPicker };

export const loadStep = (step: Step): Promise<void> => loaders[step]();
