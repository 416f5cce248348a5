/**
 * What the claims lifecycle refuses, in its own words. Only errors.ts (`apiErrorFrom`) turns
 * these into HTTP answers. Messages are sentences a shopper or merchant understands.
 */
import type { FieldError } from '../../../contract/schemas.ts';

/** No claim with this id that the caller may see. */
export class ClaimNotFound extends Error {
  override name = 'ClaimNotFound';
  constructor() {
    super('No such claim');
  }
}

/**
 * The order takes no claim now: not active (`claim_not_allowed`), its cover is over
 * (`cover_ended`), a slot was taken meanwhile (`slot_unavailable`), the claim has moved past
 * withdrawal (`claim_not_withdrawable`).
 */
export class ClaimConflict extends Error {
  override name = 'ClaimConflict';
  readonly code: 'claim_not_allowed' | 'cover_ended' | 'slot_unavailable' | 'claim_not_withdrawable';
  constructor(code: ClaimConflict['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The provider takes no claims through us (`claims_not_supported`: the contact says how) or no withdrawal. */
export class ClaimOperationNotSupported extends Error {
  override name = 'ClaimOperationNotSupported';
  readonly operation: 'create' | 'withdraw';
  constructor(operation: ClaimOperationNotSupported['operation'], message: string) {
    super(message);
    this.operation = operation;
  }
}

/** The claim request misses what the provider requires, or names what it does not list. */
export class ClaimFieldsInvalid extends Error {
  override name = 'ClaimFieldsInvalid';
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    super(`Check these fields: ${fields.map((field) => field.path).join(', ')}`);
    this.fields = fields;
  }
}

/** A file part is not what a claim takes: too large (413) or not a JPEG, PNG or WEBP image (415). */
export class ClaimFileRejected extends Error {
  override name = 'ClaimFileRejected';
  readonly field: string;
  readonly reason: 'too_large' | 'unsupported_type';
  constructor(options: { field: string; reason: ClaimFileRejected['reason']; message: string }) {
    super(options.message);
    this.field = options.field;
    this.reason = options.reason;
  }
}

/** The portal session's client secret has expired: the merchant's page asks for a new one. */
export class PortalSessionExpired extends Error {
  override name = 'PortalSessionExpired';
  constructor() {
    super('This account session has expired. Reload the page to continue.');
  }
}
