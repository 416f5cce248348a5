/**
 * Parses and validates a JSON body against a shared zod schema, with field-level errors.
 * The parsed body reaches handlers typed through `context.req.valid('json')`.
 */
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type * as zm from 'zod/mini';
import { toFieldErrors } from '../../../contract/schemas.ts';
import { ApiError } from '../errors.ts';

type AnySchema = z.ZodType | zm.ZodMiniType;
type JsonInput<Schema extends AnySchema> = { in: { json: zm.input<Schema> }; out: { json: zm.output<Schema> } };

export function validateJson<Schema extends AnySchema>({ schema }: { schema: Schema }): MiddlewareHandler<any, string, JsonInput<Schema>> {
  return async function validateJsonBody(context, next) {
    const contentType = context.req.header('Content-Type') ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      throw new ApiError({ status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json' });
    }
    const rawBody = await context.req.text();
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new ApiError({ status: 400, code: 'invalid_json', message: 'The body is not valid JSON' });
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const fields = toFieldErrors(result.error.issues);
      throw new ApiError({
        status: 400,
        code: 'invalid_request',
        message: `Check these fields: ${fields.map((field) => field.path).join(', ')}`,
        fields,
      });
    }
    context.set('rawBody', rawBody);
    context.req.addValidatedData('json', result.data as object);
    await next();
  };
}
