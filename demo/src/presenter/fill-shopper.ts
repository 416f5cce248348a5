/**
 * "Fill shopper details": types a demo shopper into the widget's form, so a demo does not
 * stall on typing. The form's inputs carry WHATWG autocomplete tokens (the widget's
 * convention), which is how they are found through the open shadow roots.
 */
const shoppers = {
  IN: {
    name: 'Asha Rao',
    email: 'asha.rao@example.com',
    tel: '+919812345678',
    'address-line1': '12 MG Road',
    'address-line2': 'Flat 4B',
    'address-level2': 'Bengaluru',
    'address-level1': 'Karnataka',
    'postal-code': '560001',
  },
  NG: {
    name: 'Folake Adeyemi',
    email: 'folake.adeyemi@example.com',
    tel: '+2347010001234',
    'address-line1': '14 Admiralty Way',
    'address-line2': 'Lekki Phase 1',
    'address-level2': 'Lagos',
    'address-level1': 'Lagos',
    'postal-code': '106104',
  },
} as const;

function* deepInputs(root: Document | ShadowRoot | Element): Generator<HTMLInputElement> {
  for (const node of root.querySelectorAll('*')) {
    if (node instanceof HTMLInputElement) yield node;
    if (node.shadowRoot) yield* deepInputs(node.shadowRoot);
  }
}

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function fillShopperDetails(lastName?: string): string {
  const widget = document.querySelector('cover-offers');
  if (!widget) return 'Open a product page first.';
  const country = widget.getAttribute('country') === 'NG' ? 'NG' : 'IN';
  const shopper = { ...shoppers[country] } as Record<string, string>;
  if (lastName) {
    const first = shopper.name!.split(' ')[0]!;
    shopper.name = `${first} ${lastName}`;
    shopper.email = `${first}.${lastName}@example.com`.toLowerCase();
  }
  let filled = 0;
  for (const input of deepInputs(widget.shadowRoot ?? widget)) {
    const token = input.autocomplete.split(' ').at(-1) ?? '';
    const label = input.labels?.[0]?.textContent ?? '';
    const value =
      shopper[token] ??
      (/warranty/i.test(label) ? '1' : /imei/i.test(label) && !input.value ? (widget.getAttribute('imei') ?? '') : undefined);
    if (value === undefined || input.type === 'radio' || input.type === 'checkbox') continue;
    type(input, value);
    filled++;
  }
  return filled ? `Filled ${filled} fields as ${shopper.name}.` : 'Pick a plan first: its form is where the details go.';
}
