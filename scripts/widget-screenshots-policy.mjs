// The <cover-policy> states for scripts/widget-screenshots.mjs: a stubbed /v1 for one order
// (`ord_POLICY`) whose provider and claims each scene sets, and the scenes themselves: the plan,
// activation, every claim step with every field a claim can require, upload progress, submitted,
// approved with payout, rejected with reasons, and contact-only; English and Hindi.
import { deflateSync } from 'node:zlib';

const policy = (provider, extra = {}) => ({
  provider,
  reference: provider === 'octamile' ? 'c0ffee00c0ffee00c0ffee00c0ffee00' : 'pol_ASR261120',
  startsAt: '2026-11-21T00:00:00Z',
  endsAt: '2027-11-20T00:00:00Z',
  activationCode: null,
  certificate: true,
  ...extra,
});
const names = { assurify: 'Assurify', servify: 'Servify', bigfix: 'BigFix', octamile: 'Octamile' };
const orderFor = (provider, status = 'active') => ({
  id: 'ord_POLICY',
  livemode: false,
  status,
  offer: {
    provider,
    providerName: names[provider],
    type: 'ADLD',
    name: 'Accidental & Liquid Damage Protection',
    termMonths: 12,
    price: { amount: 5593, currency: 'INR' },
  },
  policy:
    status === 'pending_activation'
      ? policy(provider, { activationCode: 'OCT-4821', certificate: false, startsAt: null, endsAt: null })
      : policy(provider),
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
});
// Every field a claim can require (contract/claims.ts claimRequirableFields) appears across these two.
const optionsFor = {
  assurify: {
    types: ['accidental_damage', 'liquid_damage'],
    issues: [],
    slots: [],
    requires: ['incident.date', 'incident.description', 'files.invoice', 'files.photo'],
    contact: null,
  },
  servify: {
    types: ['accidental_damage', 'liquid_damage', 'breakdown'],
    issues: [
      { code: '0E74248AA1', category: 'Mechanical breakdown', label: 'Button problem' },
      { code: '0E74248AA2', category: 'Display', label: 'Screen flickers or stays dark' },
    ],
    slots: [
      { code: 'carry_in:2026-12-04:1', date: '2026-12-04', from: '10:00', to: '13:00', kind: 'carry_in' },
      { code: 'pickup:2026-12-05:2', date: '2026-12-05', from: '13:00', to: '16:00', kind: 'pickup' },
    ],
    requires: ['incident.date', 'incident.description', 'issue', 'appointment', 'address'],
    contact: null,
  },
  bigfix: {
    types: [],
    issues: [],
    slots: [],
    requires: [],
    contact: { phone: '+91 80 4718 2200', email: 'claims@sandbox.bigfix.example', url: 'https://sandbox.bigfix.example/claims' },
  },
};
const claim = (status, extra = {}) => ({
  id: 'clm_1',
  orderId: 'ord_POLICY',
  livemode: false,
  provider: 'assurify',
  status,
  type: 'accidental_damage',
  reference: 'clm_TY29183K',
  incident: { date: '2026-11-28', description: 'Dropped on tiles; the screen cracked across the corner' },
  appointment: null,
  decision: null,
  timeline: [{ status: 'submitted', at: '2026-11-28T10:00:00Z' }],
  createdAt: '2026-11-28T10:00:00Z',
  updatedAt: '2026-11-28T10:00:00Z',
  ...extra,
});
const approved = claim('approved', {
  decision: { outcome: 'approved', reasons: [], payout: { amount: 8450, currency: 'INR', reference: 'pay_A9KX01ZW' } },
});
const rejected = claim('rejected', {
  decision: {
    outcome: 'rejected',
    reasons: ['The invoice does not match the device on the policy', 'The photo does not show the damage described'],
    payout: null,
  },
});

/** What the stub answers now; each scene sets it. */
export const policyState = { provider: 'assurify', status: 'active', claims: [], created: claim('submitted') };

/** Answers the policy's /v1 calls; false for anything else. The claim upload is read slowly, so its progress shows. */
export function handlePolicyRequest(url, request, send) {
  const path = url.pathname;
  if (path === '/v1/orders/ord_POLICY') return (send(200, { order: orderFor(policyState.provider, policyState.status) }), true);
  if (path === '/v1/orders/ord_POLICY/claim-options') return (send(200, optionsFor[policyState.provider]), true);
  if (path === '/v1/orders/ord_POLICY/claims' && request.method === 'GET')
    return (send(200, { data: policyState.claims, hasMore: false }), true);
  if (path === '/v1/orders/ord_POLICY/claims' && request.method === 'POST') {
    request.on('data', () => {
      request.pause();
      setTimeout(() => request.resume(), 40);
    });
    request.on('end', () => send(201, { claim: policyState.created }));
    return true;
  }
  if (path.startsWith('/v1/claims/')) return (send(200, { claim: policyState.claims[0] ?? policyState.created }), true);
  return false;
}

/** A real PNG (a gradient), padded after IEND to `totalBytes` (browsers ignore the padding). */
function png(width, height, totalBytes = 0) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = table[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      rows.set([40 + (200 * x) / width, 90 + (60 * y) / height, 220 - (180 * x) / width], y * (width * 3 + 1) + 1 + x * 3);
  const image = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return totalBytes > image.length ? Buffer.concat([image, Buffer.alloc(totalBytes - image.length)]) : image;
}

/** Every <cover-policy> state on one page; `shoot(name)` photographs and checks for sideways overflow. */
export async function shootPolicy(page, base, shoot) {
  const policy = page.locator('cover-policy');
  const open = async ({ provider = 'assurify', status = 'active', claims = [], locale = '' } = {}) => {
    Object.assign(policyState, { provider, status, claims, created: claim('submitted') });
    await page.goto(`${base}/policy.html${locale ? `?locale=${locale}` : ''}`);
    await policy.locator('[part~="claims"]').waitFor();
  };
  const next = () => policy.locator('[part~="submit-button"]').click();

  await open();
  await shoot('p01-plan');
  await open({ provider: 'octamile', status: 'pending_activation' });
  await policy.locator('[part~="activation-code"]').waitFor();
  await shoot('p02-activation');

  // Servify: what happened with its issue list, details with the address (errors first), a slot, review.
  await open({ provider: 'servify' });
  await policy.locator('[part~="claim-button"]').click();
  await next();
  await shoot('p03-claim-what-errors');
  await policy.getByLabel('Stopped working (breakdown)').check();
  await policy.getByLabel('What is the problem?').selectOption('0E74248AA2');
  await shoot('p04-claim-what');
  await next();
  await next();
  await shoot('p05-claim-details-errors');
  await policy.getByLabel('When did it happen?').fill('2026-11-28');
  await policy
    .getByLabel('Describe what happened')
    .fill('The screen flickers, then stays dark after a few minutes; restarting does not help.');
  await policy.getByLabel('Address', { exact: true }).fill('Flat 1204, Prestige Shantiniketan Tower B, Whitefield Main Road');
  await policy.getByLabel('Apartment, floor, landmark').fill('Opposite ITPL Main Gate');
  await policy.getByLabel('City').fill('Bengaluru');
  await policy.getByLabel('State').fill('Karnataka');
  await policy.getByLabel('Postal code').fill('560048');
  await shoot('p06-claim-details');
  await next();
  await policy.locator('input[name="slot"]').nth(1).check();
  await shoot('p07-claim-slot');
  await next();
  await shoot('p08-claim-review-servify');

  // Assurify: files with previews (a 10 MB photo), review, the upload's progress, submitted.
  await open();
  await policy.locator('[part~="claim-button"]').click();
  await policy.getByLabel('Accidental damage (dropped, cracked)').check();
  await next();
  await policy.getByLabel('When did it happen?').fill('2026-11-28');
  await policy.getByLabel('Describe what happened').fill('Dropped on tiles; the screen cracked across the corner');
  await next();
  await policy.locator('#photo').setInputFiles({ name: 'photo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
  await shoot('p09-claim-files-wrong-type');
  await policy.locator('#invoice').setInputFiles({ name: 'invoice-2026-11-20.png', mimeType: 'image/png', buffer: png(120, 160) });
  await policy
    .locator('#photo')
    .setInputFiles({ name: 'cracked-screen.png', mimeType: 'image/png', buffer: png(160, 120, 10 * 1024 * 1024 - 4096) });
  await policy.locator('img[part~="preview"]').nth(1).waitFor();
  await shoot('p10-claim-files');
  await next();
  await shoot('p11-claim-review');
  await next();
  await policy.locator('[part~="progress"]').waitFor();
  await page.waitForTimeout(600);
  await shoot('p12-uploading');
  await policy.locator('cover-claim-status').waitFor({ timeout: 30_000 });
  await shoot('p13-submitted');

  await open({ claims: [approved] });
  await policy.locator('[part~="payout"]').waitFor();
  await shoot('p14-approved');
  await open({ claims: [rejected] });
  await policy.locator('[part~="reasons"]').waitFor();
  await shoot('p15-rejected');
  await open({ provider: 'bigfix' });
  await policy.locator('[part~="contact"]').waitFor();
  await shoot('p16-contact');

  // Hindi: the plan with decided claims, a claim step, and contact-only.
  await open({ claims: [approved, { ...rejected, id: 'clm_2' }], locale: 'hi-IN' });
  await page.waitForFunction(() =>
    document.getElementById('policy').shadowRoot?.querySelector('cover-policy-view')?.shadowRoot?.textContent.includes('क्लेम'),
  );
  await policy.locator('[part~="reasons"]').waitFor();
  await shoot('p17-hindi-claims');
  await policy.locator('[part~="claim-button"]').click();
  await next();
  await shoot('p18-hindi-claim-what');
  await open({ provider: 'bigfix', locale: 'hi-IN' });
  await policy.locator('[part~="contact"]').waitFor();
  await shoot('p19-hindi-contact');
}
