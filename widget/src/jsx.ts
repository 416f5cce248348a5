/**
 * What each Coverkit element takes in JSX, framework-neutral: its properties (typed, set as
 * properties by React 19 and Preact), its kebab-case attributes as strings, and an
 * `on<event-name>` handler per event. jsx-react.ts and jsx-preact.ts add these to each
 * framework's `JSX.IntrinsicElements`.
 */
import type { CoverActivation } from './components/cover-activation/cover-activation.ts';
import type { CoverDevicePicker } from './components/cover-device-picker/cover-device-picker.ts';
import type { CoverOfferForm } from './components/cover-offer-form/cover-offer-form.ts';
import type { CoverOfferList } from './components/cover-offer-list/cover-offer-list.ts';
import type { CoverOffers } from './components/cover-offers/cover-offers.ts';
import type { CoverOrderSummary } from './components/cover-order-summary/cover-order-summary.ts';
import type { CoverPolicy } from './components/cover-policy/cover-policy.ts';
import type { CoverClaimCreateEvent } from './events/cover-claim-create-event.ts';
import type { CoverClaimUpdateEvent } from './events/cover-claim-update-event.ts';
import type { CoverDeviceChangeEvent } from './events/cover-device-change-event.ts';
import type { CoverErrorEvent } from './events/cover-error-event.ts';
import type { CoverOfferDeclineEvent } from './events/cover-offer-decline-event.ts';
import type { CoverOfferSelectEvent } from './events/cover-offer-select-event.ts';
import type { CoverOffersLoadEvent } from './events/cover-offers-load-event.ts';
import type { CoverOrderConfirmEvent } from './events/cover-order-confirm-event.ts';
import type { CoverOrderCreateEvent } from './events/cover-order-create-event.ts';
import type { CoverOrderUpdateEvent } from './events/cover-order-update-event.ts';
import type { CoverTagName, reactEvents } from './react-events.ts';

/** Each event name and the class it is dispatched as (named here, so no global map has to be loaded). */
export interface CoverEventMap {
  'cover-device-change': CoverDeviceChangeEvent;
  'cover-error': CoverErrorEvent;
  'cover-offer-decline': CoverOfferDeclineEvent;
  'cover-offer-select': CoverOfferSelectEvent;
  'cover-offers-load': CoverOffersLoadEvent;
  'cover-order-confirm': CoverOrderConfirmEvent;
  'cover-order-create': CoverOrderCreateEvent;
  'cover-order-update': CoverOrderUpdateEvent;
  'cover-claim-create': CoverClaimCreateEvent;
  'cover-claim-update': CoverClaimUpdateEvent;
}

type Events = typeof reactEvents;
type EventHandlers<Tag extends CoverTagName> = {
  [Prop in keyof Events[Tag] as `on${Events[Tag][Prop] & string}`]?: (
    event: CoverEventMap[Events[Tag][Prop] & keyof CoverEventMap],
  ) => void;
};
type Attributes<Names extends string> = { [Name in Names]?: string };

export interface CoverkitJsxElements {
  'cover-offers': Partial<
    Pick<
      CoverOffers,
      | 'publishableKey'
      | 'apiBase'
      | 'category'
      | 'brand'
      | 'model'
      | 'picker'
      | 'price'
      | 'currency'
      | 'country'
      | 'imei'
      | 'locale'
      | 'providers'
      | 'planTypes'
      | 'layout'
      | 'theme'
      | 'strings'
      | 'pollInterval'
    >
  > &
    Attributes<'publishable-key' | 'api-base' | 'plan-types' | 'poll-interval'> &
    EventHandlers<'cover-offers'>;
  'cover-offer-list': Partial<Pick<CoverOfferList, 'offers' | 'selectedOfferId' | 'locale' | 'strings' | 'compact'>> &
    Attributes<'selected-offer-id'> &
    EventHandlers<'cover-offer-list'>;
  'cover-offer-form': Partial<Pick<CoverOfferForm, 'offer' | 'country' | 'brand' | 'model' | 'imei' | 'locale' | 'strings'>> &
    EventHandlers<'cover-offer-form'>;
  'cover-order-summary': Partial<Pick<CoverOrderSummary, 'order' | 'confirmed' | 'pollInterval' | 'locale' | 'strings'>> &
    Attributes<'poll-interval'> &
    EventHandlers<'cover-order-summary'>;
  'cover-device-picker': Partial<Pick<CoverDevicePicker, 'category' | 'providers' | 'brand' | 'model' | 'strings'>> &
    EventHandlers<'cover-device-picker'>;
  'cover-activation': Partial<Pick<CoverActivation, 'order' | 'pollInterval' | 'strings'>> &
    Attributes<'poll-interval'> &
    EventHandlers<'cover-activation'>;
  'cover-policy': Partial<Pick<CoverPolicy, 'clientSecret' | 'strings'>> &
    Attributes<'publishable-key' | 'api-base' | 'order-id' | 'locale' | 'poll-interval'> &
    EventHandlers<'cover-policy'>;
}
