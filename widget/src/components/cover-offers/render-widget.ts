/**
 * What `<cover-offers>` shows at each stage, from its controllers and state: the card (or
 * the modal launcher around it), the pickers, then the offers and form, or the order.
 */
import { html, nothing } from 'lit';
import { TaskStatus } from '@lit/task';
import { shopperMessage } from '../../api/api-error.ts';
import type { Order, QuoteResponse } from '../../../../contract/types.ts';
import type { DeviceController } from '../../controllers/device-controller.ts';
import type { LocalizeController } from '../../controllers/localize-controller.ts';
import type { QuoteController } from '../../controllers/quote-controller.ts';
import type { StepController } from '../../controllers/step-controller.ts';
import type { CoverDeviceChangeEvent } from '../../events/cover-device-change-event.ts';
import type { CoverOfferSelectEvent } from '../../events/cover-offer-select-event.ts';
import type { CoverOrderCreateEvent } from '../../events/cover-order-create-event.ts';
import { renderCard, renderLauncher } from './render-card.ts';
import { renderOffers } from './render-offers.ts';
import { renderLoadError, renderSkeleton } from './render-states.ts';
import { renderForm, renderPicker, renderSummary } from './render-steps.ts';

export type Stage = 'choosing' | 'declined' | 'ordered';

export interface WidgetView {
  localize: LocalizeController;
  quote: QuoteController;
  steps: StepController;
  device: DeviceController;
  stage: Stage;
  layout: 'inline' | 'compact' | 'modal';
  order: Order | undefined;
  /** The host reported payment (`showConfirmed()`). */
  confirmed: boolean;
  imeiError: string;
  announcement: string;
  attributes: { category: string; country: string; providers: string; imei: string; pollInterval: number; brandWarrantyYears: string };
  onSelect: (event: CoverOfferSelectEvent) => void;
  onCreate: (event: CoverOrderCreateEvent) => void;
  onDeviceChange: (event: CoverDeviceChangeEvent) => void;
  onImei: (value: string) => void;
  onDecline: () => void;
  onShowAgain: () => void;
  onOpen: () => void;
  onClose: () => void;
}

function renderChoosing(view: WidgetView, response: QuoteResponse, pending = false) {
  const { quote, steps, device, attributes } = view;
  const { t } = view.localize;
  const form = {
    ready: steps.ready('form'),
    country: attributes.country,
    brand: device.brand,
    model: device.model,
    imei: quote.shopperImei || attributes.imei,
    brandWarrantyYears: attributes.brandWarrantyYears,
    t,
    onCreate: view.onCreate,
  };
  return renderOffers({
    response,
    offers: quote.visibleOffers(response),
    needsImei: quote.imeiNeeded(response),
    pending,
    declined: view.stage === 'declined',
    selected: quote.selected,
    compact: view.layout === 'compact',
    imeiError: view.imeiError,
    locale: view.localize.locale,
    strings: view.localize.strings,
    t,
    form: (offer) => renderForm({ ...form, offer }),
    onSelect: view.onSelect,
    onPreload: () => void steps.load('form'),
    onImei: view.onImei,
    onDecline: view.onDecline,
    onShowAgain: view.onShowAgain,
    onRetry: () => void quote.run(),
  });
}

function renderBody(view: WidgetView) {
  const { quote, device } = view;
  const { t } = view.localize;
  if (view.stage === 'ordered') {
    const { order, confirmed } = view;
    return renderSummary({ ready: view.steps.ready('summary'), order, confirmed, pollInterval: view.attributes.pollInterval });
  }
  return quote.task.render({
    initial: () =>
      device.pickerMode
        ? html`<p class="message" part="picker-hint">${t('picker.hint', 'Choose your device to see its protection plans.')}</p>`
        : nothing,
    // The providers that answered first, while the others are still asked (streamed quote).
    pending: () => {
      const shown = quote.inProgress ?? quote.task.value;
      return shown ? renderChoosing(view, shown, true) : renderSkeleton();
    },
    complete: (response) => renderChoosing(view, response),
    error: (error) => renderLoadError(shopperMessage(error), () => void quote.run(), t),
  });
}

export function renderWidget(view: WidgetView) {
  const { quote, device, localize, stage } = view;
  const status = quote.task.status;
  if (status === TaskStatus.INITIAL && !view.order && !device.pickerMode) return nothing;
  const { t } = localize;
  const picker =
    device.pickerMode && stage !== 'ordered'
      ? renderPicker({
          ready: view.steps.ready('picker'),
          category: view.attributes.category,
          providers: view.attributes.providers,
          ...device.picks,
          t,
          onChange: view.onDeviceChange,
        })
      : nothing;
  const card = renderCard({
    model: device.model,
    fit: stage === 'ordered' || status === TaskStatus.INITIAL,
    busy: status === TaskStatus.PENDING,
    modal: view.layout === 'modal',
    announcement: view.announcement,
    t,
    picker,
    body: renderBody(view),
    onClose: view.onClose,
  });
  if (view.layout !== 'modal') return card;
  const cheapest = quote.cheapest;
  return renderLauncher({ from: cheapest ? localize.money(cheapest) : '', t, card, onOpen: view.onOpen });
}
