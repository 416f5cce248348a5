/**
 * product.html?sku=…: the product, and `<cover-offers>` built from its data. A plan the
 * shopper buys in the widget becomes its own cart line.
 */
import type { Order, Offer } from '../../../contract/types.ts';
import { readCart, writeCart } from '../cart.ts';
import { productBySku, products, type Product } from '../catalog.ts';
import { byId, element, formatMoney, productPrice } from '../format.ts';
import type { Presenter } from '../presenter/panel.ts';
import type { PresenterSettings } from '../presenter/settings.ts';
import { productArt } from '../product-art.ts';
import { applyWidgetSettings, QUOTE_SETTINGS } from './widget-attributes.ts';

interface CoverOffersElement extends HTMLElement {
  open?: () => void;
  reset?: () => void;
}

function renderProduct(product: Product, settings: PresenterSettings): void {
  document.title = `${product.name} (${product.variant.split(' · ')[0]}) · Volt Electronics`;
  byId('product-art').innerHTML = productArt(product);
  byId('breadcrumb').textContent = `${product.category === 'Laptop' ? 'Laptops' : 'Phones'} › ${product.brand}`;
  byId('product-title').textContent = product.name;
  byId('product-variant').textContent = product.variant;
  const mrp =
    product.mrp > product.price
      ? element('span', { className: 'mrp' }, formatMoney(product.mrp, product.currency, settings, product.country))
      : '';
  byId('product-price').replaceChildren(productPrice(product, settings), ' ', mrp);
  byId('product-highlights').replaceChildren(...product.highlights.map((text) => element('li', {}, text)));
  byId('protect-heading').textContent = `Protect your ${product.category === 'Laptop' ? 'laptop' : 'phone'}`;
}

function createWidget(product: Product, settings: PresenterSettings): CoverOffersElement {
  const widget = document.createElement('cover-offers') as CoverOffersElement;
  widget.id = 'coverkit';
  applyWidgetSettings(widget, product, settings);
  return widget;
}

function showAdded(product: Product, plan: string | null): void {
  byId('added-text').textContent = plan ? `${product.name} and ${plan} are in your cart.` : `${product.name} is in your cart.`;
  byId('added-banner').hidden = false;
}

export function startProductPage(presenter: Presenter): void {
  const product = productBySku(new URLSearchParams(location.search).get('sku')) ?? products[0]!;
  renderProduct(product, presenter.settings);
  const slot = byId('widget-slot');
  let widget = createWidget(product, presenter.settings);
  slot.replaceChildren(widget);

  // The widget's events bubble and are composed: the slot hears them for every element it holds.
  slot.addEventListener('cover-order-create', (event) => {
    const { order, offer } = (event as CustomEvent<{ order: Order; offer: Offer }>).detail;
    writeCart({
      sku: product.sku,
      plan: {
        orderId: order.id,
        clientSecret: order.clientSecret ?? '',
        name: offer.name,
        provider: offer.providerName ?? offer.provider,
        price: offer.price,
      },
    });
    showAdded(product, offer.name);
  });
  slot.addEventListener('cover-offer-decline', () => {
    const cart = readCart();
    if (cart?.sku === product.sku) writeCart({ ...cart, plan: null });
  });
  byId('add-to-cart').addEventListener('click', () => {
    const cart = readCart();
    writeCart({ sku: product.sku, plan: cart?.sku === product.sku ? cart.plan : null });
    showAdded(product, null);
  });

  presenter.onChange((settings, changed) => {
    renderProduct(product, settings);
    if (QUOTE_SETTINGS.some((key) => changed.has(key))) {
      widget = createWidget(product, settings);
      slot.replaceChildren(widget);
    } else {
      applyWidgetSettings(widget, product, settings);
    }
  });
}
