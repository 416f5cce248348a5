/**
 * `POST /v1/providers/:id/events`: inbound provider events (webhooks, async callbacks), and
 * the paths providers were already given (`/v1/webhooks/assurify`, `/v1/callbacks/servify`)
 * as aliases. Verified on the raw body, skipped when already stored, applied to the order
 * through applyProviderEvent, then stored once. A bad signature is 401 and a replay is 200,
 * and neither changes an order.
 */
import { Hono, type Context } from 'hono';
import { claimServiceFor } from '../claims/claim-service.ts';
import { ApiError } from '../errors.ts';
import { applyProviderEvent } from '../orders/apply-provider-event.ts';
import type { AnyProviderModule, ProviderEventContext } from '../providers/types.ts';
import type { AppServices } from '../services.ts';

export function providerEventRoutes(services: AppServices) {
  const { config, store, logger, adapters } = services;

  async function receive(context: Context, provider: AnyProviderModule | undefined) {
    const events = provider?.events;
    const adapter = provider && adapters.get(provider.id);
    // A live server takes no event for a provider it runs in sandbox mode (no merchant uses it):
    // the sandbox's signing secret is public.
    const sandboxedInLive = provider && config.mode === 'live' && config.providers[provider.id]?.mode === 'sandbox';
    if (!provider || !events || !adapter || sandboxedInLive) {
      throw new ApiError({ status: 404, code: 'not_found', message: 'No provider takes events here' });
    }
    const requestId = context.get('requestId');
    const eventContext: ProviderEventContext<unknown> = {
      config: config.providers[provider.id],
      adapter,
      store,
      merchantIds: config.merchants.map((merchant) => merchant.id),
      bindTimeoutMs: config.bindTimeoutMs,
      quoteTimeoutMs: config.quoteTimeoutMs,
      logger,
      applyToOrder: (update) => applyProviderEvent(services, update),
      applyToClaim: (update) => claimServiceFor(services).applyProviderEvent(update),
    };
    // The signature covers the exact bytes sent: verify before parsing anything.
    const rawBody = await context.req.text();
    const check = await events.verify(eventContext.config, rawBody, (name) => context.req.header(name));
    if (!check.ok) {
      logger.warn('provider event refused', { requestId, provider: provider.id, reason: check.reason ?? check.code });
      throw new ApiError({ status: 401, code: check.code, message: check.message });
    }
    const parsed = events.parse(rawBody);
    if (!parsed.ok) throw new ApiError({ status: 400, code: parsed.code, message: parsed.message });
    const event = parsed.event;
    if (await store.hasProviderEvent(provider.id, event.id)) {
      logger.info('provider event replayed', { requestId, provider: provider.id, eventId: event.id });
      return context.json(events.duplicateReply);
    }
    const located = await events.locate(event, eventContext);
    if (located && 'refused' in located) {
      throw located.refused === 'not_ready'
        ? new ApiError({ status: 503, code: located.code, message: located.message, headers: { 'Retry-After': '1' } })
        : new ApiError({ status: 404, code: located.code, message: located.message });
    }
    // Applied before it is stored: a crash in between means the provider sends it again, and
    // the guarded transition makes a second application change nothing.
    const reply = await events.apply(event, located, eventContext);
    const orderId = located?.id ?? null;
    await store.recordProviderEvent({ provider: provider.id, eventId: event.id, type: event.type, orderId });
    logger.info('provider event received', { requestId, provider: provider.id, eventId: event.id, type: event.type, orderId });
    return context.json(reply);
  }

  const routes = new Hono().post('/providers/:id/events', (context) => receive(context, services.providers.get(context.req.param('id'))));
  for (const provider of services.providers.values()) {
    for (const alias of provider.events?.aliases ?? []) routes.post(alias, (context) => receive(context, provider));
  }
  return routes;
}
