import { LitElement, html, nothing } from 'lit';
import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { shopperMessage } from '../../api/api-error.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Catalog } from '../../../../contract/types.ts';
import { apiClientContext, stringsContext } from '../../context/widget-context.ts';
import { LocalizeController } from '../../controllers/localize-controller.ts';
import { CoverDeviceChangeEvent } from '../../events/cover-device-change-event.ts';
import { parseList } from '../../internal/format.ts';
import type { Strings } from '../../internal/localize.ts';
import { reportError } from '../../internal/report-error.ts';
import { styles } from './cover-device-picker.styles.ts';

type Brand = Catalog['brands'][number];

interface Choice {
  id: 'brand' | 'model';
  label: string;
  placeholder: string;
  options: string[];
  value: string;
  disabled: boolean;
}

const byName = (first: string, second: string) => first.localeCompare(second, undefined, { numeric: true, sensitivity: 'base' });

/**
 * @tagname cover-device-picker
 * @summary Brand and model selects fed by `GET /v1/catalog`, for pages that do not know
 * the device (a "protect any phone" page). Native `<select>`s give keyboard and
 * screen-reader behaviour for free. Where no provider lists models for a brand (or
 * brands for the category), the shopper types them instead.
 *
 * @fires cover-device-change - The shopper picked a brand or a model (model is empty until picked).
 * @fires cover-error - The catalog could not be loaded.
 *
 * @csspart picker - The two fields.
 * @csspart label - A field's label.
 * @csspart select - The brand or model list.
 * @csspart input - The brand or model text field, where the catalog lists none.
 * @csspart picker-hint - Help under the model field.
 * @csspart picker-error - The catalog failed to load. Also retry-button.
 */
@localized()
export class CoverDevicePicker extends LitElement {
  static override styles = styles;

  private catalogTask = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }) => (client ? client.getCatalog(signal) : initialState),
    onError: (error) => void reportError(this, error),
  });
  private readonly localize = new LocalizeController(this);

  /** Inside `<cover-offers>`, its client. */
  @consume({ context: apiClientContext, subscribe: true }) @property({ attribute: false }) client?: ApiClient;
  /** Only brands of this category are offered, e.g. `Mobile`. */
  @property() category = '';
  /** Comma-separated provider ids: only brands one of them lists; all when empty. */
  @property() providers = '';
  @property() brand = '';
  @property() model = '';
  /** Wording by message id; inside `<cover-offers>`, its `strings`. */
  @consume({ context: stringsContext, subscribe: true }) @property({ attribute: false }) strings?: Strings;

  private brandsFor(catalog: Catalog): Brand[] {
    const category = this.category.trim().toLowerCase();
    const providers = parseList(this.providers);
    return catalog.brands
      .filter((brand) => brand.category.toLowerCase() === category)
      .filter((brand) => !providers.size || brand.providers.some((provider) => providers.has(provider)))
      .sort((first, second) => byName(first.name, second.name));
  }

  private pick(id: Choice['id'], value: string) {
    if (id === 'brand') {
      if (value === this.brand) return;
      this.brand = value;
      this.model = '';
    } else {
      this.model = value;
    }
    this.dispatchEvent(new CoverDeviceChangeEvent({ category: this.category, brand: this.brand, model: this.model }));
  }

  private renderChoice({ id, label, placeholder, options, value, disabled }: Choice) {
    const change = (event: Event) => this.pick(id, (event.target as HTMLSelectElement | HTMLInputElement).value.trim());
    // A value the page gave that the catalog does not list stays selectable.
    const listed = !value || options.includes(value) ? options : [value, ...options];
    return html`<div class="field">
      <label for=${id} part="label">${label}</label>
      ${
        options.length || disabled
          ? html`<select id=${id} name=${id} part="select" ?disabled=${disabled} @change=${change}>
              <option value="" ?selected=${!value}>${placeholder}</option>
              ${listed.map((option) => html`<option ?selected=${option === value}>${option}</option>`)}
            </select>`
          : html`<input
              id=${id}
              name=${id}
              part="input"
              autocomplete="off"
              spellcheck="false"
              maxlength="80"
              .value=${value}
              @change=${change}
            />`
      }
    </div>`;
  }

  private renderPickers(catalog: Catalog | undefined) {
    const { t } = this.localize;
    const loading = t('picker.loading', 'Loading…');
    const brands = catalog ? this.brandsFor(catalog) : [];
    const brand = brands.find((entry) => entry.name === this.brand);
    const models = [...new Set(brand?.models ?? [])].sort(byName);
    return html`<div class="pickers" part="picker" aria-busy=${catalog ? 'false' : 'true'}>
      ${this.renderChoice({
        id: 'brand',
        label: t('picker.brand', 'Brand'),
        placeholder: catalog ? t('picker.choose-brand', 'Choose a brand') : loading,
        options: brands.map((entry) => entry.name),
        value: this.brand,
        disabled: !catalog,
      })}
      ${this.renderChoice({
        id: 'model',
        label: t('picker.model', 'Model'),
        placeholder: !catalog
          ? loading
          : this.brand
            ? t('picker.choose-model', 'Choose a model')
            : t('picker.brand-first', 'Choose a brand first'),
        options: models,
        value: this.model,
        disabled: !catalog || !this.brand,
      })}
    </div>`;
  }

  override render() {
    const { t } = this.localize;
    return (
      this.catalogTask.render({
        initial: () => this.renderPickers(undefined),
        pending: () => this.renderPickers(this.catalogTask.value),
        complete: (catalog) => this.renderPickers(catalog),
        error: (error) =>
          html`<div class="error" part="picker-error" role="alert">
            <p class="message">${shopperMessage(error)}</p>
            <button class="secondary-button" part="retry-button" @click=${() => void this.catalogTask.run()}>
              ${t('offers.retry', 'Try again')}
            </button>
          </div>`,
      }) ?? nothing
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cover-device-picker': CoverDevicePicker;
  }
}
