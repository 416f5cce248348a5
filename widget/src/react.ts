/**
 * React components for every Coverkit element (not part of the script-tag bundle):
 *
 * ```tsx
 * import { CoverOffers } from '@coverkit/widget/react';
 * <CoverOffers publishableKey="pk_live_…" brand="Samsung" price={74999} …
 *   onOrderCreate={(event) => addToCart(event.detail.order)} onDeviceChange={…} onError={…} />
 * ```
 *
 * Properties are set as properties (so `price` stays a number) and each event has its
 * `on…` prop, typed with its event class. `createCoverkitReact(React)` builds the same set
 * against another copy of React.
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import { CoverActivation as CoverActivationElement } from './components/cover-activation/cover-activation.ts';
import { CoverDevicePicker as CoverDevicePickerElement } from './components/cover-device-picker/cover-device-picker.ts';
import { CoverOfferForm as CoverOfferFormElement } from './components/cover-offer-form/cover-offer-form.ts';
import { CoverOfferCompare as CoverOfferCompareElement } from './components/cover-offer-compare/cover-offer-compare.ts';
import { CoverOfferList as CoverOfferListElement } from './components/cover-offer-list/cover-offer-list.ts';
import { CoverOffers as CoverOffersElement } from './components/cover-offers/cover-offers.ts';
import { CoverOrderSummary as CoverOrderSummaryElement } from './components/cover-order-summary/cover-order-summary.ts';
import { CoverPolicy as CoverPolicyElement } from './components/cover-policy/cover-policy.ts';
import { define } from './internal/define.ts';
import type { CoverEventMap } from './jsx.ts';
import { reactEvents } from './react-events.ts';
import type { CoverTagName } from './react-events.ts';

// The steps <cover-offers> would load lazily are registered here at once: a React app
// bundles them anyway once it imports their components.
define('cover-offers', CoverOffersElement);
define('cover-offer-list', CoverOfferListElement);
define('cover-offer-form', CoverOfferFormElement);
define('cover-order-summary', CoverOrderSummaryElement);
define('cover-device-picker', CoverDevicePickerElement);
define('cover-activation', CoverActivationElement);
define('cover-offer-compare', CoverOfferCompareElement);
// Small itself; it loads its implementation when it is first rendered.
define('cover-policy', CoverPolicyElement);

/** An element's `on…` props, each typed with the event class it receives. */
export type ReactEventsOf<Tag extends CoverTagName> = {
  [Prop in keyof (typeof reactEvents)[Tag]]: EventName<CoverEventMap[(typeof reactEvents)[Tag][Prop] & keyof CoverEventMap]>;
};
const eventsOf = <Tag extends CoverTagName>(tag: Tag) => reactEvents[tag] as unknown as ReactEventsOf<Tag>;

/** Kept for earlier users: the `<CoverOffers>` prop → event map. */
export const coverOffersEvents = eventsOf('cover-offers');

export function createCoverkitReact(react: Parameters<typeof createComponent>[0]['react']) {
  return {
    CoverOffers: createComponent({
      react,
      tagName: 'cover-offers',
      elementClass: CoverOffersElement,
      events: coverOffersEvents,
      displayName: 'CoverOffers',
    }),
    CoverOfferList: createComponent({
      react,
      tagName: 'cover-offer-list',
      elementClass: CoverOfferListElement,
      events: eventsOf('cover-offer-list'),
      displayName: 'CoverOfferList',
    }),
    CoverOfferForm: createComponent({
      react,
      tagName: 'cover-offer-form',
      elementClass: CoverOfferFormElement,
      events: eventsOf('cover-offer-form'),
      displayName: 'CoverOfferForm',
    }),
    CoverOrderSummary: createComponent({
      react,
      tagName: 'cover-order-summary',
      elementClass: CoverOrderSummaryElement,
      events: eventsOf('cover-order-summary'),
      displayName: 'CoverOrderSummary',
    }),
    CoverDevicePicker: createComponent({
      react,
      tagName: 'cover-device-picker',
      elementClass: CoverDevicePickerElement,
      events: eventsOf('cover-device-picker'),
      displayName: 'CoverDevicePicker',
    }),
    CoverActivation: createComponent({
      react,
      tagName: 'cover-activation',
      elementClass: CoverActivationElement,
      events: eventsOf('cover-activation'),
      displayName: 'CoverActivation',
    }),
    CoverPolicy: createComponent({
      react,
      tagName: 'cover-policy',
      elementClass: CoverPolicyElement,
      events: eventsOf('cover-policy'),
      displayName: 'CoverPolicy',
    }),
  };
}

const components = createCoverkitReact(React);

export const { CoverOffers, CoverOfferList, CoverOfferForm, CoverOrderSummary, CoverDevicePicker, CoverActivation, CoverPolicy } =
  components;
