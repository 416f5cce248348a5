/** What every page of the shop has: the cart count in the header. */
import { cartCount } from './cart.ts';

export function startShell(): void {
  const render = () => {
    const count = document.getElementById('cart-count');
    if (count) count.textContent = String(cartCount());
  };
  render();
  document.addEventListener('demo-cart-change', render);
}
