/** The claims part of `GET /v1/openapi.json` (issue 14): its paths, built with openapi.ts's helpers. */
type JsonObject = Record<string, unknown>;

export interface OpenApiHelpers {
  ref(name: string): JsonObject;
  success(description: string, schema: JsonObject, options?: { idempotent?: boolean }): JsonObject;
  errors(...statuses: string[]): JsonObject;
  body(name: string, example?: unknown): JsonObject;
  parameters: { idempotencyKey: JsonObject; orderId: JsonObject; clientSecret: JsonObject };
  security: { secret: unknown[]; orderReader: unknown[] };
  publicErrors: string[];
  providerErrors: string[];
}

const claimId = { name: 'id', in: 'path', required: true, description: 'The claim id (`clm_…`)', schema: { type: 'string' } };

export function claimPaths({ ref, success, errors, body, parameters, security, publicErrors, providerErrors }: OpenApiHelpers) {
  const orderReader = { security: security.orderReader, parameters: [parameters.orderId, parameters.clientSecret] };
  return {
    '/v1/orders/{id}/claim-options': {
      get: {
        operationId: 'getClaimOptions',
        tags: ['Claims'],
        summary: 'What a claim on this policy needs, or how to claim where the insurer has no claims API (`contact`)',
        description: '409 `claim_not_allowed` or `cover_ended` where the policy takes no claim now.',
        ...orderReader,
        responses: { '200': success('The claim options', ref('ClaimOptions')), ...errors(...publicErrors, '409', ...providerErrors) },
      },
    },
    '/v1/orders/{id}/claims': {
      post: {
        operationId: 'createClaim',
        tags: ['Claims'],
        summary: 'Make a claim: a `claim` JSON part and the `invoice` and `photo` images (JPEG, PNG or WEBP, 10 MB each)',
        description:
          'Errors name the part: `files.invoice`, `incident.date`… 409 `claim_not_allowed`, `cover_ended`, `slot_unavailable`, `claims_not_supported` (the insurer takes claims directly: see claim-options `contact`); 413 `file_too_large`; 415 `unsupported_file_type`.',
        security: security.orderReader,
        parameters: [parameters.orderId, parameters.clientSecret, parameters.idempotencyKey],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['claim'],
                properties: {
                  claim: ref('CreateClaimRequest'),
                  invoice: { type: 'string', format: 'binary', description: 'The repair or purchase invoice' },
                  photo: { type: 'string', format: 'binary', description: 'The damaged device, front panel' },
                },
              },
              encoding: { claim: { contentType: 'application/json' } },
            },
          },
        },
        responses: {
          '201': success('The claim: submitted, in review, decided or scheduled', ref('ClaimResponse'), { idempotent: true }),
          ...errors(...publicErrors, '409', '422', ...providerErrors),
        },
      },
      get: {
        operationId: 'listClaims',
        tags: ['Claims'],
        summary: "The order's claims, newest first, refreshed from the insurer",
        ...orderReader,
        parameters: [
          ...orderReader.parameters,
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          {
            name: 'starting_after',
            in: 'query',
            required: false,
            description: 'A claim id: the page after it',
            schema: { type: 'string' },
          },
        ],
        responses: { '200': success('A page of claims', ref('ClaimList')), ...errors(...publicErrors) },
      },
    },
    '/v1/claims/{id}': {
      get: {
        operationId: 'getClaim',
        tags: ['Claims'],
        summary: 'A claim and its status, refreshed from the insurer',
        security: security.orderReader,
        parameters: [claimId, parameters.clientSecret],
        responses: { '200': success('The claim', ref('ClaimResponse')), ...errors(...publicErrors) },
      },
    },
    '/v1/claims/{id}/withdraw': {
      post: {
        operationId: 'withdrawClaim',
        tags: ['Claims'],
        summary: 'Withdraw a claim where the insurer allows it; 409 where it does not',
        security: security.orderReader,
        parameters: [claimId, parameters.clientSecret],
        requestBody: body('WithdrawClaimRequest', { reason: 'The phone works again' }),
        responses: { '200': success('The withdrawn claim', ref('ClaimResponse')), ...errors(...publicErrors, '409', ...providerErrors) },
      },
    },
    '/v1/orders/{id}/portal-sessions': {
      post: {
        operationId: 'createPortalSession',
        tags: ['Claims'],
        summary: "A client secret for the shopper's account page, valid one hour (secret key)",
        description: 'An expired one is answered 401 `portal_session_expired`.',
        security: security.secret,
        parameters: [parameters.orderId],
        responses: { '201': success('The portal session', ref('PortalSessionResponse')), ...errors(...publicErrors) },
      },
    },
  };
}
