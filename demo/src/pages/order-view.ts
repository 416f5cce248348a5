/** Renders one Coverkit order on the order page: plan, policy, status, dates, certificate. */
import type { Order } from '../../../contract/types.ts';
import { clientSecretOf } from '../cart.ts';
import { byId, element, formatMoney, localeFor } from '../format.ts';
import type { PresenterSettings } from '../presenter/settings.ts';

const statusText: Record<string, string> = {
  awaiting_payment: 'Awaiting payment',
  binding: 'Being issued by the insurer…',
  active: 'Active',
  pending_activation: 'Waiting for your activation video',
  pending: 'Under review by the insurer',
  declined: 'Declined by the insurer',
  failed: 'Could not be issued',
  cancelled: 'Cancelled',
};

/** The page's heading says where the plan is: thanks, but never "confirmed" before the insurer has. */
const headings: Record<string, string> = {
  active: 'Thank you — your device is protected',
  pending: 'Thank you — the insurer is reviewing your plan',
  pending_activation: 'One step left: send your activation video',
  binding: 'Thank you — your plan is being issued',
};

export function renderOrder(order: Order, settings: PresenterSettings): void {
  const country = order.offer.price.currency === 'NGN' ? 'NG' : 'IN';
  const dates = new Intl.DateTimeFormat(localeFor(settings, country), { dateStyle: 'medium' });
  const { policy } = order;
  byId('order-id').textContent = order.id;
  byId('policy-plan').textContent = order.offer.name;
  byId('policy-provider').textContent = order.offer.providerName ?? order.offer.provider;
  byId('policy-price').textContent = formatMoney(order.offer.price.amount, order.offer.price.currency, settings, country);
  byId('policy-reference').textContent = policy?.reference ?? 'Being issued…';
  const status = byId('policy-status');
  status.textContent = statusText[order.status] ?? order.status;
  status.dataset.status = order.status;
  const period =
    policy?.startsAt && policy.endsAt ? `${dates.format(new Date(policy.startsAt))} – ${dates.format(new Date(policy.endsAt))}` : '—';
  // Until the insurer has approved, the dates are what the cover will be, not a promise of cover.
  byId('policy-dates').textContent = policy?.startsAt && order.status !== 'active' ? `${period}, once the insurer approves` : period;
  byId('activation-code-row').hidden = !policy?.activationCode;
  byId('activation-code').textContent = policy?.activationCode ?? '';
  byId('failure-reason').hidden = !order.failureReason;
  byId('failure-reason').textContent = order.failureReason ?? '';
  byId('order-heading').textContent = headings[order.status] ?? `Your plan: ${statusText[order.status] ?? order.status}`;
}

/** The certificate, through the shop's server (which holds the secret key). */
export async function renderCertificate(order: Order): Promise<void> {
  const section = byId('certificate');
  if (!order.policy?.certificate || section.dataset.orderId === order.id) return;
  const url = `/demo/api/orders/${encodeURIComponent(order.id)}/certificate`;
  const response = await fetch(url, { headers: { 'X-Client-Secret': clientSecretOf(order.id) ?? '' } });
  if (!response.ok) return;
  const type = response.headers.get('Content-Type') ?? '';
  const blobUrl = URL.createObjectURL(await response.blob());
  const download = element('a', { href: blobUrl, id: 'certificate-download', className: 'button-link' }, 'Download certificate');
  download.download = `certificate-${order.id}.${type.includes('pdf') ? 'pdf' : type.includes('jpeg') ? 'jpg' : 'png'}`;
  const preview = type.startsWith('image/')
    ? element('img', { src: blobUrl, alt: 'Policy certificate', id: 'certificate-image' })
    : element('p', {}, 'PDF certificate');
  section.replaceChildren(element('h2', {}, 'Certificate'), preview, download);
  section.dataset.orderId = order.id;
  section.hidden = false;
}
