/** Parses and validates a JSON body against a shared zod schema, with field-level errors. */
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type * as zm from 'zod/mini';
import { toFieldErrors } from '../../../widget/src/api/schemas.ts';
import { ApiError } from '../errors.ts';

type AnySchema = z.ZodType | zm.ZodMiniType;

export function validateJson({ schema }: { schema: AnySchema }): MiddlewareHandler {
  return async function validateJsonBody(context, next) {
    const contentType = context.req.header('Content-Type') ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
    }
    const rawBody = await context.req.text();
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The body is not valid JSON');
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const fields = toFieldErrors(result.error.issues);
      throw new ApiError(400, 'invalid_request', `Check these fields: ${fields.map((field) => field.path).join(', ')}`, fields);
    }
    context.set('rawBody', rawBody);
    context.set('body', result.data);
    await next();
  };
}
