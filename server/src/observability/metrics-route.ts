/**
 * GET /metrics, Prometheus text. Mounted beside /v1 (not in the public API): in test mode it is
 * open; in live mode it needs `Authorization: Bearer <COVERKIT_METRICS_TOKEN>`, or, where no
 * token is set, a scraper on this machine (a loopback socket, with no proxy in between).
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import type { Config } from '../config.ts';
import { ApiError } from '../errors.ts';
import { PROMETHEUS_CONTENT_TYPE } from './metrics-registry.ts';
import type { CoverkitMetrics } from './coverkit-metrics.ts';

function tokenMatches(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

function fromLoopback(context: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(context).remote.address;
  } catch {
    address = undefined;
  }
  // A proxy on this machine forwards other people's requests: those are not local.
  if (context.req.header('X-Forwarded-For') || context.req.header('Forwarded')) return false;
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function mayScrape(context: Context, config: Pick<Config, 'mode' | 'metricsToken'>): boolean {
  if (config.mode === 'test') return true;
  if (config.metricsToken) {
    const given = /^Bearer (.+)$/.exec(context.req.header('Authorization') ?? '')?.[1] ?? '';
    return tokenMatches(given, config.metricsToken);
  }
  return fromLoopback(context);
}

export function metricsRoutes({ config, metrics }: { config: Pick<Config, 'mode' | 'metricsToken'>; metrics: CoverkitMetrics }) {
  return new Hono().get('/', async (context) => {
    if (!mayScrape(context, config))
      throw new ApiError({
        status: 401,
        code: 'metrics_unauthorized',
        message: config.metricsToken
          ? 'Send Authorization: Bearer <COVERKIT_METRICS_TOKEN> to read the metrics'
          : 'Metrics are readable from this machine only; set COVERKIT_METRICS_TOKEN to scrape them from elsewhere',
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    return context.body(await metrics.render(), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  });
}
