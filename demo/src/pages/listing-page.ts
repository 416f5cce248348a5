/** index.html: the product grid. */
import { products } from '../catalog.ts';
import { byId, element, formatMoney, productPrice } from '../format.ts';
import type { Presenter } from '../presenter/panel.ts';
import { productArt } from '../product-art.ts';

export function startListingPage(presenter: Presenter): void {
  const render = () => {
    const { settings } = presenter;
    const cards = products.map((product) => {
      const art = element('div', { className: 'card-art' });
      art.innerHTML = productArt(product);
      const link = element('a', { href: `/product.html?sku=${product.sku}`, className: 'card-link' }, product.name);
      const mrp =
        product.mrp > product.price
          ? element('span', { className: 'mrp' }, formatMoney(product.mrp, product.currency, settings, product.country))
          : '';
      return element(
        'li',
        { className: 'card', dataset: { sku: product.sku } },
        art,
        element(
          'p',
          { className: 'card-category' },
          `${product.category === 'Laptop' ? 'Laptops' : 'Phones'} · ${product.country === 'NG' ? 'Ships in Nigeria' : 'Ships in India'}`,
        ),
        element('h2', {}, link),
        element('p', { className: 'variant' }, product.variant),
        element('p', { className: 'card-price' }, productPrice(product, settings), ' ', mrp),
      );
    });
    byId('product-grid').replaceChildren(...cards);
  };
  render();
  presenter.onChange((_settings, changed) => {
    if (changed.has('locale') || changed.has('currencyDisplay')) render();
  });
}
