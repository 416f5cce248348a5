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

async function pay(cart: Cart, card: string): Promise<{ order: Order | null } | { message: string }> {
  const response = await fetch('/demo/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // The shop's server confirms the plan only for the cart that holds the order's clientSecret.
    body: JSON.stringify({ orderId: cart.plan?.orderId, clientSecret: cart.plan?.clientSecret, card }),
  });
  const body = (await response.json().catch(() => ({}))) as { order?: Order | null; error?: { message?: string } };
  if (!response.ok) return { message: body.error?.message ?? 'Payment failed. Please try again.' };
  return { order: body.order ?? null };
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
      if (result.order && cart.plan) {
        rememberOrder(result.order.id, cart.plan.clientSecret);
        location.assign(`/order.html?id=${encodeURIComponent(result.order.id)}`);
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
