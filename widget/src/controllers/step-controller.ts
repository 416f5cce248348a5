/**
 * The later steps of `<cover-offers>` (form, summary, pickers) arrive as separate chunks,
 * so the offer view ships with only what it needs. This loads one on demand and re-renders
 * the host once its element is usable. The steps read the widget's client, locale and
 * strings through `@lit/context`, so the provider arrives with the first of them too (the
 * offer list, in the offer view, is given them directly).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/api-error.ts';
import type { WidgetContextProvider, WidgetContextValues } from '../context/widget-context.ts';
import { loadContext, loadStep } from '../internal/load-steps.ts';
import type { Step } from '../internal/load-steps.ts';

export interface StepOptions {
  /** What the steps inside read through context; provided again on every update. */
  context: () => WidgetContextValues;
  onError: (error: ApiError) => void;
}

export class StepController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: StepOptions;
  private readonly loaded = new Set<Step>();
  private provider?: WidgetContextProvider;

  constructor(host: ReactiveControllerHost & HTMLElement, options: StepOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    this.provider?.provide(this.options.context());
  }

  ready(step: Step): boolean {
    return this.loaded.has(step);
  }

  /** Resolves once the step is usable (at once if it already is); a failed download is reported and may be retried. */
  async load(step: Step): Promise<void> {
    if (this.loaded.has(step)) return;
    try {
      const [{ WidgetContextProvider }] = await Promise.all([loadContext(), loadStep(step)]);
      // Before the step's element renders: its context request must find the provider.
      this.provider ??= new WidgetContextProvider(this.host);
      this.provider.provide(this.options.context());
    } catch (error) {
      this.options.onError(new ApiError({ code: 'network_error', message: String(error) }));
      return;
    }
    this.loaded.add(step);
    this.host.requestUpdate();
  }
}
