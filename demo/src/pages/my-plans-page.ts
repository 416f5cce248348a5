/**
 * my-plans.html: the shopper's account page. Every order this shopper paid for, each shown by
 * `<cover-policy>` with a portal session the shop's server makes with its secret key (so the
 * page works months after checkout). Claims are made and followed inside the widget.
 */
import type { CoverClaimCreateEvent, CoverClaimUpdateEvent, CoverPolicy } from '../../../widget/src/index.ts';
import { readOrders } from '../cart.ts';
import { productBySku } from '../catalog.ts';
import { byId, element, localeFor } from '../format.ts';
import type { Presenter } from '../presenter/panel.ts';
import type { PresenterSettings } from '../presenter/settings.ts';
import { applyWidgetTheme } from './widget-attributes.ts';

interface PortalSession {
  clientSecret: string;
  expiresAt: string;
}

/** The shop's server checks the order is this shopper's, then asks Coverkit for a portal session. */
async function portalSession(orderId: string, clientSecret: string): Promise<PortalSession | { error: string }> {
  const response = await fetch(`/demo/api/orders/${encodeURIComponent(orderId)}/portal-session`, {
    method: 'POST',
    headers: { 'X-Client-Secret': clientSecret },
  }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as { portalSession?: PortalSession; error?: { message?: string } } | null;
  if (response?.ok && body?.portalSession) return body.portalSession;
  return { error: body?.error?.message ?? 'This plan could not be loaded. Try again later.' };
}

function configure(widget: HTMLElement, settings: PresenterSettings, country: string): void {
  widget.setAttribute('locale', localeFor(settings, country));
  applyWidgetTheme(widget, settings);
}

export function startMyPlansPage(presenter: Presenter): void {
  const orders = Object.entries(readOrders()).reverse(); // newest first
  byId('plans-empty').hidden = orders.length > 0;
  const widgets: { widget: HTMLElement; country: string }[] = [];

  for (const [orderId, remembered] of orders) {
    const product = productBySku(remembered.sku ?? null);
    const country = product?.country ?? 'IN';
    const widget = document.createElement('cover-policy') as CoverPolicy;
    widget.setAttribute('publishable-key', 'pk_test_demo');
    widget.setAttribute('order-id', orderId);
    widget.setAttribute('poll-interval', '1500');
    configure(widget, presenter.settings, country);
    const status = element('p', { className: 'claim-note', role: 'status' });
    const card = element(
      'li',
      { className: 'panel plan-card', dataset: { orderId } },
      element('h2', {}, product ? product.name : 'Protection plan'),
      element('p', { className: 'variant' }, `Order ${orderId}`),
      widget,
      status,
    );
    byId('plans').append(card);
    widgets.push({ widget, country });
    void portalSession(orderId, remembered.clientSecret).then((session) => {
      if ('error' in session) status.textContent = session.error;
      else widget.clientSecret = session.clientSecret;
    });
    // What a merchant would do with the events: note them for its own records (here, on screen).
    widget.addEventListener('cover-claim-create', (event: CoverClaimCreateEvent) => {
      status.textContent = `Claim ${event.detail.claim.reference ?? event.detail.claim.id} sent to the insurer.`;
    });
    widget.addEventListener('cover-claim-update', (event: CoverClaimUpdateEvent) => {
      status.textContent = `Claim ${event.detail.claim.reference ?? event.detail.claim.id}: ${event.detail.claim.status.replace(/_/g, ' ')}.`;
    });
  }
  presenter.onChange((settings) => {
    for (const { widget, country } of widgets) configure(widget, settings, country);
  });
}
