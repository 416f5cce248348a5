/**
 * The demo shop's page script: what a merchant writes around the widget. It listens to
 * the widget's events, puts the plan in the cart, and sends payment to its own server.
 */
import type { Offer, Order } from '../../widget/src/api/types.ts';

const money = (amount: number, currency: string) => new Intl.NumberFormat('en-IN', { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const PHONE_PRICE = 74_999;
let pendingOrder: { order: Order; offer: Offer } | null = null;

interface ConfirmableElement extends HTMLElement {
  showConfirmed?: (order: Order) => void;
}
const widget = byId<ConfirmableElement>('coverkit');

function renderCart(): void {
  const lines = byId<HTMLUListElement>('cart-lines');
  lines.querySelector('.plan-line')?.remove();
  let total = PHONE_PRICE;
  if (pendingOrder) {
    const { offer } = pendingOrder;
    const line = document.createElement('li');
    line.className = 'plan-line';
    const name = document.createElement('span');
    name.textContent = offer.name;
    const price = document.createElement('span');
    price.textContent = money(offer.price.amount, offer.price.currency);
    line.append(name, price);
    lines.append(line);
    total += offer.price.amount;
  }
  byId('cart-count').textContent = pendingOrder ? '2' : '1';
  byId('cart-total').textContent = money(total, 'INR');
  byId<HTMLFormElement>('checkout').hidden = !pendingOrder;
  byId<HTMLButtonElement>('pay').textContent = `Pay ${money(total, 'INR')}`;
}

widget.addEventListener('cover-order-create', (event) => {
  pendingOrder = (event as CustomEvent<{ order: Order; offer: Offer }>).detail;
  renderCart();
});
widget.addEventListener('cover-offer-decline', () => {
  pendingOrder = null;
  renderCart();
});

byId<HTMLFormElement>('checkout').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!pendingOrder) return;
  const pay = byId<HTMLButtonElement>('pay');
  const status = byId('checkout-status');
  pay.disabled = true;
  status.textContent = 'Processing payment…';
  try {
    const response = await fetch('/demo/api/checkout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ orderId: pendingOrder.order.id, card: byId<HTMLInputElement>('card').value }),
    });
    const body = (await response.json()) as { order?: Order; error?: { message: string } };
    if (!response.ok || !body.order) {
      status.textContent = body.error?.message ?? 'Payment failed. Please try again.';
      return;
    }
    status.textContent = '';
    showConfirmation(body.order);
    widget.showConfirmed?.(body.order);
  } catch {
    status.textContent = 'Network problem. Please try again.';
  } finally {
    pay.disabled = false;
  }
});

function showConfirmation(order: Order): void {
  const dateFormat = new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium' });
  byId('policy-plan').textContent = order.offer.name;
  byId('policy-reference').textContent = order.policy?.reference ?? 'Being issued…';
  byId('policy-status').textContent = order.status.replace('_', ' ');
  const { startsAt, endsAt } = order.policy ?? {};
  byId('policy-dates').textContent = startsAt && endsAt ? `${dateFormat.format(new Date(startsAt))} – ${dateFormat.format(new Date(endsAt))}` : '—';
  byId('confirmation').hidden = false;
  byId<HTMLFormElement>('checkout').hidden = true;
}

renderCart();
