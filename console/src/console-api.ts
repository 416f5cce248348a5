/**
 * The console's calls to /console/api (same origin). The operator token goes in the
 * Authorization header only: never in a URL, never in a cookie.
 */
export class ConsoleApiError extends Error {
  override name = 'ConsoleApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const TOKEN_STORAGE_KEY = 'coverkit-operator-token';

export async function consoleRequest<T>(
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(`/console/api${path}`, {
    method,
    signal,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  if (!response.ok) {
    throw new ConsoleApiError(
      response.status,
      json.error?.code ?? 'http_error',
      json.error?.message ?? `The server answered ${response.status}`,
    );
  }
  return json as T;
}
