/**
 * What the order lifecycle refuses, in its own words. The service throws these; only the
 * routes' one error mapping (errors.ts, `apiErrorFrom`) turns them into HTTP answers.
 * Provider failures stay `ProviderError`s (errors.ts). Messages are sentences a shopper
 * or merchant understands, as the API shows them.
 */
import type { FieldError } from '../../../contract/schemas.ts';
import type { OrderStatus } from '../../../contract/types.ts';

/** No order with this id that the caller may see (a wrong client secret looks the same). */
export class OrderNotFound extends Error {
  override name = 'OrderNotFound';
  constructor() {
    super('No such order');
  }
}

/** What the caller asked an order to do. */
export type OrderAction = 'confirm' | 'cancel' | 'activate';

const REFUSED: Record<OrderAction, string> = {
  confirm: 'cannot be confirmed again',
  cancel: 'cannot be cancelled',
  activate: 'takes no video',
};

function spoken(status: OrderStatus): string {
  return status.replace('_', ' ');
}

/**
 * The order is not in a state where `action` can happen: it moved on, another request is
 * at it (`busy`), or the provider refused it in this state.
 */
export class OrderStateConflict extends Error {
  override name = 'OrderStateConflict';
  readonly action: OrderAction;
  readonly status: OrderStatus;
  /** Another request is doing the same thing to this order right now: retrying may work. */
  readonly busy: boolean;

  constructor(options: { action: OrderAction; status: OrderStatus; message?: string; busy?: boolean }) {
    super(options.message ?? `This order is ${spoken(options.status)} and ${REFUSED[options.action]}`);
    this.action = options.action;
    this.status = options.status;
    this.busy = options.busy ?? false;
  }
}

/** A move the transition table (order-transitions.ts) does not have. */
export class IllegalTransition extends Error {
  override name = 'IllegalTransition';
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  constructor(options: { orderId: string; from: OrderStatus; to: OrderStatus }) {
    super(`order ${options.orderId}: ${options.from} → ${options.to} is not a transition of the order lifecycle`);
    this.from = options.from;
    this.to = options.to;
  }
}

/** The provider has no such step for this plan (cancellation, activation video, certificate file). */
export class OperationNotSupported extends Error {
  override name = 'OperationNotSupported';
  readonly operation: 'cancel' | 'activate' | 'certificate';
  constructor(operation: OperationNotSupported['operation'], message: string) {
    super(message);
    this.operation = operation;
  }
}

/** The offer id was not made by us for this merchant, or was tampered with. */
export class OfferInvalid extends Error {
  override name = 'OfferInvalid';
  constructor() {
    super('This offer id is not valid');
  }
}

export class OfferExpired extends Error {
  override name = 'OfferExpired';
  constructor() {
    super('This offer has expired. Refresh the plans to see current prices.');
  }
}

/** Fields the offer requires are missing or do not match what was quoted. */
export class OrderFieldsInvalid extends Error {
  override name = 'OrderFieldsInvalid';
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    super(`Check these fields: ${fields.map((field) => field.path).join(', ')}`);
    this.fields = fields;
  }
}

/** The certificate is issued once the insurer has approved the cover. */
export class CertificateNotReady extends Error {
  override name = 'CertificateNotReady';
  constructor() {
    super('The certificate is issued once the insurer has approved the cover. Try again later.');
  }
}
