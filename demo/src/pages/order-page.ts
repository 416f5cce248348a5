/**
 * order.html?id=…: the policy after payment, read through the shop's server (secret key
 * server-side). Follows the order while the insurer is still working on it.
 */
import type { Order } from '../../../contract/types.ts';
import { clientSecretOf } from '../cart.ts';
import { byId } from '../format.ts';
import type { Presenter } from '../presenter/panel.ts';
import { hideActivationStep, showActivationStep } from './activation-step.ts';
import { renderCertificate, renderOrder } from './order-view.ts';

const STILL_MOVING = new Set(['binding', 'pending']);
const POLL_MS = 1500;

export function startOrderPage(presenter: Presenter): void {
  const id = new URLSearchParams(location.search).get('id') ?? '';
  let latest: Order | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const load = async () => {
    clearTimeout(timer);
    const response = await fetch(`/demo/api/orders/${encodeURIComponent(id)}`, {
      headers: { 'X-Client-Secret': clientSecretOf(id) ?? '' },
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { order?: Order; error?: { message?: string } } | null;
    if (!response?.ok || !body?.order) {
      byId('order-heading').textContent = 'Order not found';
      byId('order-error').textContent = body?.error?.message ?? 'This order could not be loaded.';
      byId('order-error').hidden = false;
      byId('order-details').hidden = true;
      return;
    }
    latest = body.order;
    byId('order-details').hidden = false;
    renderOrder(latest, presenter.settings);
    if (latest.status === 'pending_activation') showActivationStep(latest.id, latest.policy?.activationCode ?? null, () => void load());
    else hideActivationStep();
    await renderCertificate(latest);
    if (STILL_MOVING.has(latest.status)) timer = setTimeout(() => void load(), POLL_MS);
  };
  presenter.onChange(() => latest && renderOrder(latest, presenter.settings));
  void load();
}
