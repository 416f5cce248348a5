import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { requirableFields } from '../../../../contract/schemas.ts';
import type { Offer } from '../../../../contract/types.ts';
import { createApiClient } from '../../api/client.ts';
import { define } from '../../internal/define.ts';
import { loadPhoneParser } from '../../internal/order-request.ts';
import { CoverOfferForm } from './cover-offer-form.ts';
import { apiBase, comprehensiveOffer, publishableKey, validImei } from '../../testing/api-stub.ts';

define('cover-offer-form', CoverOfferForm);

// An offer that requires everything an offer can require, with a long BigFix-style name.
const everyField: Offer = {
  ...comprehensiveOffer,
  provider: 'bigfix',
  providerName: 'BigFix',
  type: 'ADLD',
  name: 'Accidental & Liquid Damage Protection, 1 year',
  requires: [...requirableFields],
};

// Long but valid values, the kind that broke the review at 375 px.
const values: Record<string, string> = {
  'customer.name': 'Asha Venkataraman Rao-Subramanian',
  'customer.email': 'asha.venkataraman.rao@example-corporate-mail.co.in',
  'customer.phone': '+919812345678',
  'customer.address.line1': 'Flat 1204, Prestige Shantiniketan Tower B, Whitefield Main Road',
  'customer.address.line2': 'Opposite ITPL Main Gate, near Hoodi Circle',
  'customer.address.city': 'Bengaluru',
  'customer.address.state': 'Karnataka',
  'customer.address.postalCode': '560048',
  'customer.address.country': 'IN',
  'device.imei': validImei,
  'device.serial': 'SN-R5CW30ABCDEFGHJKLMNPQRSTUVWXYZ0123',
  'device.brandWarrantyYears': '1',
};

describe('<cover-offer-form> layout', () => {
  it('at 320 px, the review with every requirable field stays inside the widget and no value wraps one letter per line', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 320px; font: 16px/1.5 system-ui, sans-serif">
        <cover-offer-form
          .offer=${everyField}
          .client=${createApiClient({ apiBase, publishableKey })}
          country="IN"
          brand="Samsung"
          model="Galaxy S23"
          locale="en-IN"
        ></cover-offer-form>
      </div>`,
    );
    const element = box.querySelector<CoverOfferForm>('cover-offer-form')!;
    await element.updateComplete;
    const root = element.shadowRoot!;
    const names = [...root.querySelectorAll<HTMLInputElement>('input, select')].map((field) => field.name);
    expect(names.sort()).to.deep.equal(Object.keys(values).sort());
    for (const [name, value] of Object.entries(values)) {
      const field = root.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      field.value = value;
      field.dispatchEvent(new InputEvent('input'));
      field.dispatchEvent(new Event('change'));
    }
    await loadPhoneParser();
    await element.updateComplete;
    root.querySelector('form')!.requestSubmit();
    await waitUntil(() => root.querySelector('[part="review"]'), 'the review did not open');
    const review = root.querySelector<HTMLElement>('[part="review"]');
    expect(review, 'the review is shown').to.exist;

    const outer = element.getBoundingClientRect();
    expect(outer.width).to.be.at.most(320);
    for (const node of root.querySelectorAll<HTMLElement>('*')) {
      const rect = node.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const where = `${node.tagName.toLowerCase()}.${node.className} "${node.textContent!.trim().slice(0, 30)}"`;
      expect(rect.left, `${where} sticks out left`).to.be.at.least(outer.left - 0.5);
      expect(rect.right, `${where} sticks out right`).to.be.at.most(outer.right + 0.5);
      expect(node.scrollWidth, `${where} overflows its own box`).to.be.at.most(node.clientWidth + 1);
    }

    const cells = [...review!.querySelectorAll<HTMLElement>('dt, dd')];
    expect(cells.length).to.be.at.least(2 * (3 + Object.keys(values).length));
    expect(review!.textContent, 'the country by its name').to.include('India');
    for (const cell of cells) {
      const style = getComputedStyle(cell);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      const charWidth = parseFloat(style.fontSize) * 0.5;
      const rect = cell.getBoundingClientRect();
      const where = `${cell.tagName.toLowerCase()} "${cell.textContent!.trim().slice(0, 30)}"`;
      expect(rect.width, `${where} is narrower than 8 characters`).to.be.greaterThan(8 * charWidth);
      // The longest value (the street address) fits in three lines at 320 px.
      expect(rect.height, `${where} wraps into ${Math.round(rect.height / lineHeight)} lines`).to.be.lessThan(3.5 * lineHeight);
    }
    expect(review!.getBoundingClientRect().height).to.be.lessThan(1600);
  });
});
