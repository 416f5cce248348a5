/**
 * The query of a list route (`?limit=&starting_after=` plus its filters), Stripe's shape,
 * read strictly: an unknown parameter or a bad value is a 400 naming it.
 */
import type { Context } from 'hono';
import type { FieldError } from '../../../contract/schemas.ts';
import { ApiError } from '../errors.ts';

export const DEFAULT_LIST_LIMIT = 10;
export const MAX_LIST_LIMIT = 100;

export interface ListQuery {
  limit: number;
  startingAfter?: string;
  /** The filter's values (a comma-separated list, or the parameter repeated). */
  filter: string[];
}

function refuse(fields: FieldError[]): never {
  throw new ApiError({
    status: 400,
    code: 'invalid_request',
    message: `Check these query parameters: ${fields.map((field) => field.path).join(', ')}`,
    fields,
  });
}

export function readListQuery(context: Context, filter: { name: string; values: readonly string[] }): ListQuery {
  const query = context.req.queries();
  const fields: FieldError[] = [];
  for (const name of Object.keys(query))
    if (!['limit', 'starting_after', filter.name].includes(name)) fields.push({ path: name, message: 'Unknown query parameter' });
  const limitText = query.limit?.at(-1);
  const limit = limitText === undefined ? DEFAULT_LIST_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT)
    fields.push({ path: 'limit', message: `A whole number from 1 to ${MAX_LIST_LIMIT}` });
  const startingAfter = query.starting_after?.at(-1);
  if (startingAfter !== undefined && !/^[a-z]{3}_[A-Za-z0-9_-]{1,80}$/.test(startingAfter))
    fields.push({ path: 'starting_after', message: 'An id from an earlier page' });
  const values = (query[filter.name] ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  const unknown = values.filter((value) => !filter.values.includes(value));
  if (unknown.length > 0) fields.push({ path: filter.name, message: `One of ${filter.values.join(', ')}` });
  if (fields.length > 0) refuse(fields);
  return { limit, filter: values, ...(startingAfter !== undefined ? { startingAfter } : {}) };
}

/** A cursor that is not one of the caller's records. */
export function unknownCursor(what: string): never {
  refuse([{ path: 'starting_after', message: `Not one of your ${what}` }]);
}
