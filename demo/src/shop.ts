/**
 * The demo shop's page script: what a merchant writes around the widget. Each page says
 * which it is (`<body data-page>`); the presenter drawer is mounted on every page first,
 * so a saved scenario is in place before the widget asks for offers.
 */
import { startCartPage } from './pages/cart-page.ts';
import { startListingPage } from './pages/listing-page.ts';
import { startMyPlansPage } from './pages/my-plans-page.ts';
import { startOrderPage } from './pages/order-page.ts';
import { startProductPage } from './pages/product-page.ts';
import { mountPresenter } from './presenter/panel.ts';
import { startShell } from './shell.ts';

const pages = {
  listing: startListingPage,
  product: startProductPage,
  cart: startCartPage,
  order: startOrderPage,
  'my-plans': startMyPlansPage,
};

startShell();
void mountPresenter().then((presenter) => {
  pages[document.body.dataset.page as keyof typeof pages]?.(presenter);
  document.body.dataset.ready = 'true';
});
