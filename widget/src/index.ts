/**
 * Coverkit's widget: the script-tag entry (`<script type="module" src=".../coverkit.js">`)
 * and the package entry for npm users. Importing it registers every element.
 */
import { CoverOfferList } from './components/cover-offer-list/cover-offer-list.ts';
import { CoverOffers } from './components/cover-offers/cover-offers.ts';
import { CoverPolicy } from './components/cover-policy/cover-policy.ts';
import { define } from './internal/define.ts';

// Only the offer view is registered here; the form and the later steps are separate
// chunks that <cover-offers> loads (and registers) when the shopper gets there.
define('cover-offer-list', CoverOfferList);
define('cover-offers', CoverOffers);
// After the sale: a tiny element that loads its implementation when put on a page.
define('cover-policy', CoverPolicy);

export { CoverOffers, CoverOfferList, define };
export type { CoverPolicy };
export type { CoverOfferForm } from './components/cover-offer-form/cover-offer-form.ts';
export type { CoverOrderSummary } from './components/cover-order-summary/cover-order-summary.ts';
export type { CoverDevicePicker } from './components/cover-device-picker/cover-device-picker.ts';

export { CoverDeviceChangeEvent } from './events/cover-device-change-event.ts';
export type { CoverDeviceChangeDetail } from './events/cover-device-change-event.ts';
export { CoverOffersLoadEvent } from './events/cover-offers-load-event.ts';
export type { CoverOffersLoadDetail } from './events/cover-offers-load-event.ts';
export { CoverOfferSelectEvent } from './events/cover-offer-select-event.ts';
export type { CoverOfferSelectDetail } from './events/cover-offer-select-event.ts';
export { CoverOfferDeclineEvent } from './events/cover-offer-decline-event.ts';
export type { CoverOfferDeclineDetail } from './events/cover-offer-decline-event.ts';
export { CoverOrderCreateEvent } from './events/cover-order-create-event.ts';
export type { CoverOrderCreateDetail } from './events/cover-order-create-event.ts';
export { CoverOrderConfirmEvent } from './events/cover-order-confirm-event.ts';
export type { CoverOrderConfirmDetail } from './events/cover-order-confirm-event.ts';
export { CoverErrorEvent } from './events/cover-error-event.ts';
export type { CoverErrorDetail } from './events/cover-error-event.ts';

export type {
  ApiErrorBody,
  Money,
  Catalog,
  Offer,
  Order,
  OrderStatus,
  PlanType,
  Policy,
  ProviderId,
  QuoteResponse,
  Unavailable,
} from '../../contract/types.ts';
export type { CreateOrderRequest, Customer, OrderDevice, QuoteRequest, RequirableField } from '../../contract/schemas.ts';
export type { CoverPolicyView } from './components/cover-policy/cover-policy-view.ts';
export type { CoverClaimForm } from './components/cover-claim-form/cover-claim-form.ts';
export type { CoverClaimStatus } from './components/cover-claim-status/cover-claim-status.ts';
export type { CoverClaimCreateEvent } from './events/cover-claim-create-event.ts';
export type { CoverClaimCreateDetail } from './events/cover-claim-create-event.ts';
export type { CoverClaimUpdateEvent } from './events/cover-claim-update-event.ts';
export type { CoverClaimUpdateDetail } from './events/cover-claim-update-event.ts';
export type { Claim, ClaimOptions, ClaimRequest, ClaimStatus } from './api/claim-types.ts';
