/** Servify's answer envelope, encrypted to the client's public key as the doc requires. */
import type { KeyObject } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { encryptBody } from '../../providers/servify/servify-crypto.ts';

export interface ServifySandboxEnvelope {
  status: number;
  success: boolean;
  message: string;
  data: unknown;
  errorCode?: string;
  ticketNumber?: string;
}

/** The doc's error-code table, with its descriptions as messages. */
export const errorMessages = {
  'CLIENT.INVALID.401': 'Invalid credentials',
  'HMAC.INVALID.401': 'Invalid hmac-signature sent in headers',
  'DATA.BAD_REQUEST.400': 'Request is not proper',
  'PUBLIC_KEY.INVALID.401': 'Client public key is invalid',
  'DECRYPTION.ERROR.401': 'Unable to decrypt the request body',
  'IP.INVALID.401': 'The source is not authorized with Servify',
  'API.INVALID.401': 'Client is not authorized for this API',
  'TOK.EXP.001': 'Authentication token is either invalid or expired',
  'API.LIMIT.429': 'API hit limit exceeded',
  'SM.WTR.500': 'Something went wrong in Servify',
  'SM.WTR.001': 'Something went wrong',
} as const;
export type ServifyErrorCode = keyof typeof errorMessages;

const statusOf: Record<ServifyErrorCode, number> = {
  'CLIENT.INVALID.401': 401,
  'HMAC.INVALID.401': 401,
  'DATA.BAD_REQUEST.400': 400,
  'PUBLIC_KEY.INVALID.401': 401,
  'DECRYPTION.ERROR.401': 401,
  'IP.INVALID.401': 401,
  'API.INVALID.401': 401,
  'TOK.EXP.001': 401,
  'API.LIMIT.429': 429,
  'SM.WTR.500': 500,
  'SM.WTR.001': 500,
};

export function success(message: string, data: unknown): ServifySandboxEnvelope {
  return { status: 200, success: true, message, data };
}

/** A failure with the doc's message (or a more precise one) and a fresh ticket number. */
export function failure(
  errorCode: ServifyErrorCode,
  message: string = errorMessages[errorCode],
  data: unknown = {},
): ServifySandboxEnvelope {
  return { status: statusOf[errorCode], success: false, message, data, errorCode, ticketNumber: crypto.randomUUID() };
}

/** Encrypted to the client's key; in clear only when the client is unknown (there is no key to use). */
export async function reply(context: Context, envelope: ServifySandboxEnvelope, clientPublicKey: KeyObject | null): Promise<Response> {
  const status = envelope.status as ContentfulStatusCode;
  if (!clientPublicKey) return context.json(envelope, status);
  return context.json({ $data: await encryptBody(clientPublicKey, JSON.stringify(envelope)) }, status);
}
