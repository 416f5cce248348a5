/**
 * React prop → DOM event, per element: the one list the React wrapper (react.ts) and the JSX
 * types (jsx.ts) are built from, and that test/budgets checks against custom-elements.json.
 * Plain data, so Node can read it without a DOM.
 */
export const reactEvents = {
  'cover-offers': {
    onDeviceChange: 'cover-device-change',
    onOffersLoad: 'cover-offers-load',
    onOfferSelect: 'cover-offer-select',
    onOfferDecline: 'cover-offer-decline',
    onOrderCreate: 'cover-order-create',
    onOrderConfirm: 'cover-order-confirm',
    onError: 'cover-error',
  },
  'cover-offer-list': { onOfferSelect: 'cover-offer-select' },
  'cover-offer-form': { onOrderCreate: 'cover-order-create', onError: 'cover-error' },
  'cover-order-summary': { onOrderConfirm: 'cover-order-confirm' },
  'cover-device-picker': { onDeviceChange: 'cover-device-change', onError: 'cover-error' },
  'cover-activation': { onOrderUpdate: 'cover-order-update' },
  // Rendered by <cover-offer-list>; it fires nothing.
  'cover-offer-compare': {},
  'cover-policy': { onClaimCreate: 'cover-claim-create', onClaimUpdate: 'cover-claim-update', onError: 'cover-error' },
  // <cover-policy>'s insides: its implementation, the claim steps and one claim's status.
  'cover-policy-view': {},
  'cover-claim-form': { onClaimCreate: 'cover-claim-create', onError: 'cover-error' },
  'cover-claim-status': { onClaimUpdate: 'cover-claim-update', onError: 'cover-error' },
} as const;

export type CoverTagName = keyof typeof reactEvents;
