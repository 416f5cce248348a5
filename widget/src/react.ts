/**
 * React wrapper for npm users (not part of the script-tag bundle):
 *
 * ```tsx
 * import * as React from 'react';
 * import { createCoverkitReact } from '@coverkit/widget/react';
 * const { CoverOffers } = createCoverkitReact(React);
 * <CoverOffers publishableKey="pk_live_…" brand="Samsung" … onOrderCreate={(event) => addToCart(event.detail)} />
 * ```
 *
 * React is passed in rather than imported, so the widget package never pins a React
 * version of its own (the way @lit/react's `createComponent` is meant to be used).
 */
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import { CoverOffers } from './index.ts';
import type {
  CoverErrorEvent,
  CoverOfferDeclineEvent,
  CoverOfferSelectEvent,
  CoverOffersLoadEvent,
  CoverOrderConfirmEvent,
  CoverOrderCreateEvent,
} from './index.ts';

/** React prop → DOM event, typed so `onOrderCreate={(event) => event.detail.order}` checks. */
export const coverOffersEvents = {
  onOffersLoad: 'cover-offers-load' as EventName<CoverOffersLoadEvent>,
  onOfferSelect: 'cover-offer-select' as EventName<CoverOfferSelectEvent>,
  onOfferDecline: 'cover-offer-decline' as EventName<CoverOfferDeclineEvent>,
  onOrderCreate: 'cover-order-create' as EventName<CoverOrderCreateEvent>,
  onOrderConfirm: 'cover-order-confirm' as EventName<CoverOrderConfirmEvent>,
  onError: 'cover-error' as EventName<CoverErrorEvent>,
};

export function createCoverkitReact(react: Parameters<typeof createComponent>[0]['react']) {
  return {
    CoverOffers: createComponent({
      react,
      tagName: 'cover-offers',
      elementClass: CoverOffers,
      events: coverOffersEvents,
      displayName: 'CoverOffers',
    }),
  };
}
