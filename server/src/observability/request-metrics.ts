/**
 * Times each /v1 request into `coverkit_http_request_duration_seconds`, labelled by the route
 * pattern that answered (`/v1/orders/:id`), never the raw path: ids in labels would make a
 * series per order.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { CoverkitMetrics } from './coverkit-metrics.ts';

/**
 * The pattern of the handler that answered or, where a middleware answered (a body too large),
 * of the route it stood before; `unmatched` for a 404 no route claimed.
 */
export function routePattern(context: Context): string {
  const isRoute = (pattern: string) => pattern !== '' && !pattern.endsWith('*');
  const answered = routePath(context);
  if (isRoute(answered)) return answered;
  const last = routePath(context, -1);
  return isRoute(last) ? last : 'unmatched';
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

export function recordRequestMetrics(metrics: Pick<CoverkitMetrics, 'requestDuration'>): MiddlewareHandler {
  return async function timeRequest(context, next) {
    // The sandboxes ride on the same app in test mode: they are not our API.
    if (!context.req.path.startsWith('/v1')) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.requestDuration.observe(
        { method: context.req.method, route: routePattern(context), status_class: statusClass(context.res.status) },
        (performance.now() - started) / 1000,
      );
    }
  };
}
