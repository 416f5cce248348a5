/** Renders one Coverkit order on the order page: plan, policy, status, dates, certificate. */
import type { Order } from '../../../contract/types.ts';
import { clientSecretOf, readOrders } from '../cart.ts';
import { productBySku } from '../catalog.ts';
import { byId, element, formatMoney, localeFor, productPrice } from '../format.ts';
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

/** What the shopper does or waits for next, in the words of the order's status. */
const nextSteps: Record<string, string> = {
  awaiting_payment: 'Pay for your order to start the plan. Nothing has been charged yet.',
  binding: 'The insurer is issuing your policy. This usually takes a few seconds; this page updates by itself.',
  pending:
    'The insurer reviews your plan, usually within minutes. You will see the decision here, and your policy once it is approved. You are not covered until then.',
  pending_activation:
    'Record a short video of your phone showing the activation code and send it below. The insurer checks it and your cover starts once they approve it.',
  active:
    'You are covered. To claim, contact Volt Electronics (the shop you bought from) with your order number and policy reference; they pass your claim to the insurer.',
  declined: 'The insurer did not approve this plan. Your payment for the plan is refunded; your device order is not affected.',
  failed: 'The plan could not be issued. Your payment for the plan is refunded; contact the shop if you have questions.',
  cancelled: 'This plan is cancelled. Any payment for it is refunded.',
};

export function renderOrder(order: Order, settings: PresenterSettings): void {
  const country = order.offer.price.currency === 'NGN' ? 'NG' : 'IN';
  const dates = new Intl.DateTimeFormat(localeFor(settings, country), { dateStyle: 'medium' });
  const { policy } = order;
  byId('order-id').textContent = order.id;
  byId('policy-plan').textContent = order.offer.name;
  byId('policy-provider').textContent = order.offer.providerName ?? order.offer.provider;
  byId('policy-price').textContent = `${formatMoney(order.offer.price.amount, order.offer.price.currency, settings, country)} for the plan`;
  // The shop knows which device the plan was bought with; the order itself does not carry it.
  const product = productBySku(readOrders()[order.id]?.sku ?? null);
  byId('device-row').hidden = !product;
  byId('order-device').textContent = product ? `${product.name} (${productPrice(product, settings)})` : '';
  byId('next-step').textContent = nextSteps[order.status] ?? '';
  byId('policy-reference').textContent = policy?.reference ?? 'Being issued…';
  const status = byId('policy-status');
  status.textContent = statusText[order.status] ?? order.status;
  status.dataset.status = order.status;
  const period =
    policy?.startsAt && policy.endsAt ? `${dates.format(new Date(policy.startsAt))} – ${dates.format(new Date(policy.endsAt))}` : '—';
  // Until the insurer has approved, the dates are what the cover will be, not a promise of cover.
  byId('policy-dates').textContent = policy?.startsAt && order.status !== 'active' ? `${period}, once the insurer approves` : period;
  byId('activation-code-row').hidden = !policy?.activationCode;
  // A code without a word of why reads like a mistake: say what it is for at this status.
  const codeUse =
    order.status === 'pending_activation'
      ? 'Write it on paper and show it in your activation video.'
      : `${order.offer.providerName ?? order.offer.provider}'s code for this plan: keep it, you quote it when you make a claim.`;
  byId('activation-code').textContent = policy?.activationCode ?? '';
  byId('activation-code-note').textContent = codeUse;
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
