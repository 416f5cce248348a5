import type { Context } from 'hono';

/**
 * BigFix documents each error's status, "Error Type" and "Description" but never the body.
 * The shape below is our assumption: `error` is the Error Type, `message` the Description
 * verbatim, plus `supported_products` or field-level `errors` where the doc says the body has them.
 */
export type BigfixErrorType = 'Unauthorized' | 'Bad Request' | 'Validation Error' | 'Serializer Error' | 'Server Error';

export interface BigfixErrorBody {
  error: BigfixErrorType;
  message: string;
  supported_products?: string[];
  /** Field name → messages, like a Django REST Framework serializer's `errors`. */
  errors?: Record<string, string[]>;
}

export function bigfixError(context: Context, status: 400 | 401 | 500, body: BigfixErrorBody): Response {
  return context.json(body, status);
}
