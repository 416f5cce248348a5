/**
 * cart.html: the device and its plan as separate lines, then a fake card step. Payment goes
 * to the shop's own server (/demo/api/checkout), which confirms the plan with its secret key.
 */
import type { Order } from '../../../contract/types.ts';
import { readCart, rememberOrder, writeCart, type Cart } from '../cart.ts';
import { productBySku } from '../catalog.ts';
import { byId, element, formatMoney } from '../format.ts';
import type { Presenter } from '../presenter/panel.ts';
import { GOOD_CARD, scenarios } from '../presenter/scenarios.ts';

function renderCart(cart: Cart | null, presenter: Presenter): void {
  const product = productBySku(cart?.sku ?? null);
  byId('cart-empty').hidden = Boolean(product);
  byId('cart-filled').hidden = !product;
  if (!cart || !product) return;
  const money = (amount: number) => formatMoney(amount, product.currency, presenter.settings, product.country);
  const lines = [
    element(
      'li',
      { className: 'device-line' },
      element('span', {}, `${product.name} (${product.variant.split(' · ')[0]})`),
      element('span', {}, money(product.price)),
    ),
  ];
  if (cart.plan) {
    const remove = element('button', { type: 'button', className: 'link-button', id: 'remove-plan' }, 'Remove');
    remove.addEventListener('click', () => writeCart({ ...cart, plan: null }));
    lines.push(
      element(
        'li',
        { className: 'plan-line' },
        element(
          'span',
          {},
          element('strong', {}, cart.plan.name),
          element('small', {}, ` Protection plan · ${cart.plan.provider} · `),
          remove,
        ),
        element('span', {}, money(cart.plan.price.amount)),
      ),
    );
  }
  byId('cart-lines').replaceChildren(...lines);
  const total = product.price + (cart.plan?.price.amount ?? 0);
  byId('cart-total').textContent = money(total);
  byId('pay').textContent = `Pay ${money(total)}`;
  byId('plan-upsell').hidden = Boolean(cart.plan);
  byId<HTMLAnchorElement>('plan-upsell-link').href = `/product.html?sku=${product.sku}`;
}

type PayResult = { orderId: string | null } | { message: string };

/** Each press of Pay is a new payment attempt (its own Idempotency-Key at the merchant's server). */
async function pay(cart: Cart, card: string): Promise<PayResult> {
  const response = await fetch('/demo/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // The shop's server confirms the plan only for the cart that holds the order's clientSecret.
    body: JSON.stringify({ orderId: cart.plan?.orderId, clientSecret: cart.plan?.clientSecret, card, attempt: crypto.randomUUID() }),
  });
  const body = (await response.json().catch(() => ({}))) as { order?: Order | null; error?: { code?: string; message?: string } };
  // 504: paid, and the insurer is still answering: the order page shows the outcome when it comes.
  if (response.status === 504 && cart.plan) return { orderId: cart.plan.orderId };
  if (!response.ok) return { message: failureMessage(response.status, body.error) };
  if (body.order?.status === 'failed') return { message: body.order.failureReason ?? 'The plan could not be bought.' };
  return { orderId: body.order?.id ?? null };
}

/** What the shopper reads after a failed Pay: whether pressing Pay again can help. */
function failureMessage(status: number, error: { code?: string; message?: string } | undefined): string {
  const message = error?.message ?? 'Payment failed.';
  // The insurer did not act (down, busy): the same plan can be paid again.
  if (status === 502 || status === 429)
    return `${message} Nothing was charged: press Pay to try again, or remove the plan to buy the device alone.`;
  // The insurer refused, or the offer expired: the plan has to be chosen again.
  if (error?.code === 'order_not_confirmable') return `${message} Remove the plan, or choose it again on the product page.`;
  return message;
}

export function startCartPage(presenter: Presenter): void {
  const prefillCard = () => {
    byId<HTMLInputElement>('card').value = scenarios[presenter.settings.scenario].card ?? GOOD_CARD;
  };
  renderCart(readCart(), presenter);
  prefillCard();
  document.addEventListener('demo-cart-change', () => renderCart(readCart(), presenter));
  presenter.onChange((_settings, changed) => {
    renderCart(readCart(), presenter);
    if (changed.has('scenario')) prefillCard();
  });

  byId<HTMLFormElement>('checkout').addEventListener('submit', async (event) => {
    event.preventDefault();
    const cart = readCart();
    if (!cart) return;
    const button = byId<HTMLButtonElement>('pay');
    const status = byId('checkout-status');
    button.disabled = true;
    status.className = 'checkout-status';
    status.textContent = 'Processing payment…';
    try {
      const result = await pay(cart, byId<HTMLInputElement>('card').value);
      if ('message' in result) {
        status.className = 'checkout-status error';
        status.textContent = result.message;
        return;
      }
      writeCart(null);
      if (result.orderId && cart.plan) {
        rememberOrder(result.orderId, cart.plan.clientSecret, cart.sku);
        location.assign(`/order.html?id=${encodeURIComponent(result.orderId)}`);
      } else {
        byId('cart-filled').hidden = true;
        byId('paid-without-plan').hidden = false;
      }
    } catch {
      status.className = 'checkout-status error';
      status.textContent = 'Network problem. Your card was not charged; please try again.';
    } finally {
      button.disabled = false;
    }
  });
}
