/**
 * The cart in sessionStorage: which product, and the Coverkit order of its plan. Only the
 * order id and its clientSecret are kept of the order (plus the plan's public name and
 * price for the cart line) — never the shopper's details.
 */
import type { Money } from '../../contract/types.ts';

export interface CartPlan {
  orderId: string;
  clientSecret: string;
  name: string;
  /** The insurer's display name, as the offer gave it. */
  provider: string;
  price: Money;
}

export interface Cart {
  sku: string;
  plan: CartPlan | null;
}

const CART_KEY = 'coverkit-demo-cart';
const ORDERS_KEY = 'coverkit-demo-orders';

function read<T>(key: string, fallback: T): T {
  try {
    return (JSON.parse(sessionStorage.getItem(key) ?? 'null') as T) ?? fallback;
  } catch {
    return fallback;
  }
}

export const readCart = (): Cart | null => read<Cart | null>(CART_KEY, null);

export function writeCart(cart: Cart | null): void {
  if (cart) sessionStorage.setItem(CART_KEY, JSON.stringify(cart));
  else sessionStorage.removeItem(CART_KEY);
  document.dispatchEvent(new Event('demo-cart-change'));
}

export const cartCount = (cart = readCart()) => (cart ? (cart.plan ? 2 : 1) : 0);

/** What the shop remembers of a paid order: its clientSecret and the device it covers. */
export interface RememberedOrder {
  clientSecret: string;
  /** The product the plan was bought with (absent for orders remembered before it was kept). */
  sku?: string;
}

/** The orders paid in this tab, by id (an older entry is the bare clientSecret). */
export function readOrders(): Record<string, RememberedOrder> {
  const stored = read<Record<string, string | RememberedOrder>>(ORDERS_KEY, {});
  return Object.fromEntries(Object.entries(stored).map(([id, value]) => [id, typeof value === 'string' ? { clientSecret: value } : value]));
}

/** After payment the order page needs the clientSecret for the activation upload, and the device for its summary. */
export function rememberOrder(orderId: string, clientSecret: string, sku?: string): void {
  sessionStorage.setItem(ORDERS_KEY, JSON.stringify({ ...readOrders(), [orderId]: { clientSecret, sku } }));
}

export const clientSecretOf = (orderId: string): string | undefined => readOrders()[orderId]?.clientSecret;
