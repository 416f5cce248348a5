import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { createBigfixSandbox } from './bigfix-sandbox.ts';

// Expected messages are copied from the provider doc rather than imported, so a typo in the
// sandbox cannot hide behind the same typo in the test.

const apiKey = 'sandbox-test-key';
const fixedNow = new Date('2025-02-17T09:30:00.000Z');

function createSandbox(now: () => Date = () => fixedNow) {
  return createBigfixSandbox({ apiKey, now });
}

function get(app: Hono, path: string, headers: Record<string, string> = { 'X-API-Key': apiKey }) {
  return app.request(path, { headers });
}

function postJson(app: Hono, path: string, body: unknown, headers: Record<string, string> = { 'X-API-Key': apiKey }) {
  return app.request(path, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function assertError(response: Response, status: number, error: string, message: string) {
  assert.equal(response.status, status);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.error, error);
  assert.equal(body.message, message);
  return body;
}

const policyRequest = {
  product: 'Mobile',
  duration: '2 Years',
  deviceprice: 50000,
  name: 'Asha Verma',
  email: 'asha@example.com',
  phone: '9876543210',
  address: '12 MG Road',
  city: 'Bengaluru',
  state: 'Karnataka',
  pincode: '560001',
  brand: 'Samsung',
  model: 'Galaxy S24',
  imei1_serialno: '356789012345678',
  policysource: 'Coverkit',
  brand_warranty_duration: 1,
};

const quoteRequests = [
  ['GET', '/get-protection-plans/?product=Mobile&brand_type=Apple&deviceprice=1000'],
  ['GET', '/adld/protection-plans/?product=Mobile&deviceprice=1000'],
  ['POST', '/adld/protection-plans/'],
  ['POST', '/adld-policy/'],
  ['POST', '/create-policy/'],
] as const;

describe('BigFix sandbox: API key', () => {
  for (const [method, path] of quoteRequests) {
    it(`${method} ${path} without X-API-Key → 401 "Authorization header is missing"`, async () => {
      const response = await createSandbox().request(path, { method });
      await assertError(response, 401, 'Unauthorized', 'Authorization header is missing');
    });

    it(`${method} ${path} with a wrong X-API-Key → 401 "Un-Authorized API Call"`, async () => {
      const response = await createSandbox().request(path, { method, headers: { 'X-API-Key': 'wrong' } });
      await assertError(response, 401, 'Unauthorized', 'Un-Authorized API Call');
    });
  }

  it('treats an empty X-API-Key as missing', async () => {
    const response = await get(createSandbox(), quoteRequests[0][1], { 'X-API-Key': '' });
    await assertError(response, 401, 'Unauthorized', 'Authorization header is missing');
  });
});

describe('BigFix sandbox: ADLD quote (GET /get-protection-plans/)', () => {
  it('prices every ADLD duration as deviceprice × yearly rate × years', async () => {
    const response = await get(createSandbox(), '/get-protection-plans/?product=Mobile&brand_type=Non-Apple&deviceprice=50000');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      Product: 'Mobile',
      'Device Price': 50000,
      'Protection Plan Type': 'ADLD',
      'Protection Plans': { '1 Year': 4000, '2 Year': 8000 },
    });
  });

  it('uses the Apple rate, rounds to 2 decimals and accepts the path without a trailing slash', async () => {
    const response = await get(createSandbox(), '/get-protection-plans?product=Mobile&brand_type=Apple&deviceprice=12345.67');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(body['Protection Plans'], { '1 Year': 1234.57, '2 Year': 2469.13 });
  });

  it('normalises the product to Title Case and only offers durations that have a plan', async () => {
    const response = await get(createSandbox(), '/get-protection-plans/?product=%20tABLET%20&brand_type=Apple&deviceprice=40000');
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.Product, 'Tablet');
    assert.deepEqual(body['Protection Plans'], { '1 Year': 3600 });
  });

  for (const query of [
    'brand_type=Apple&deviceprice=1000',
    'product=Mobile&deviceprice=1000',
    'product=Mobile&brand_type=Apple',
    'product=&brand_type=Apple&deviceprice=1000',
  ]) {
    it(`400 "Missing mandatory query parameters" for ?${query}`, async () => {
      const response = await get(createSandbox(), `/get-protection-plans/?${query}`);
      await assertError(response, 400, 'Bad Request', 'Missing mandatory query parameters');
    });
  }

  for (const devicePrice of ['abc', '0', '-5', '0x10']) {
    it(`400 "Invalid device price (non-numeric or zero/negative)" for deviceprice=${devicePrice}`, async () => {
      const response = await get(createSandbox(), `/get-protection-plans/?product=Mobile&brand_type=Apple&deviceprice=${devicePrice}`);
      await assertError(response, 400, 'Validation Error', 'Invalid device price (non-numeric or zero/negative)');
    });
  }

  it('400 "Product is not covered under ADLD plans" for an unmapped product', async () => {
    const response = await get(createSandbox(), '/get-protection-plans/?product=Television&brand_type=Apple&deviceprice=1000');
    await assertError(response, 400, 'Validation Error', 'Product is not covered under ADLD plans');
  });

  for (const [product, brandType] of [
    ['Mobile', 'Samsung'],
    ['Mobile', 'apple'],
    ['Smartwatch', 'Apple'],
  ]) {
    it(`400 "Invalid brand type for the given product" for ${product} / ${brandType}`, async () => {
      const response = await get(createSandbox(), `/get-protection-plans/?product=${product}&brand_type=${brandType}&deviceprice=1000`);
      await assertError(response, 400, 'Validation Error', 'Invalid brand type for the given product');
    });
  }
});

describe('BigFix sandbox: EW quote (GET|POST /adld/protection-plans/)', () => {
  it('prices from the query string as deviceprice × rate[duration index]', async () => {
    const response = await get(createSandbox(), '/adld/protection-plans/?product=mobile%20&deviceprice=50000');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      Product: 'Mobile',
      'Device Price': 50000,
      'Protection Plans': { '1 Year': 2000, '2 Year': 3500 },
    });
  });

  it('reads a POST JSON body, including a numeric string price, without a trailing slash', async () => {
    const response = await postJson(createSandbox(), '/adld/protection-plans', {
      product: '  lAPTOP ',
      deviceprice: '60000',
    });
    assert.deepEqual(await response.json(), {
      Product: 'Laptop',
      'Device Price': 60000,
      'Protection Plans': { '1 Year': 3000, '2 Year': 5400, '3 Year': 7200 },
    });
  });

  it('reads a POST form body and maps an alias product to its category', async () => {
    const response = await createSandbox().request('/adld/protection-plans/', {
      method: 'POST',
      headers: { 'X-API-Key': apiKey, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'product=smartphone&deviceprice=10000',
    });
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body.Product, 'Smartphone');
    assert.deepEqual(body['Protection Plans'], { '1 Year': 400, '2 Year': 700 });
  });

  it('only returns durations with a configured rate', async () => {
    const response = await get(createSandbox(), '/adld/protection-plans/?product=Tablet&deviceprice=30000');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(body['Protection Plans'], { '1 Year': 1350, '2 Year': 2400 });
  });

  const badRequests: [string, unknown][] = [
    ['missing product', { deviceprice: 1000 }],
    ['blank product', { product: '  ', deviceprice: 1000 }],
    ['missing deviceprice', { product: 'Mobile' }],
    ['non-numeric deviceprice', { product: 'Mobile', deviceprice: 'abc' }],
    ['zero deviceprice', { product: 'Mobile', deviceprice: 0 }],
    ['negative deviceprice', { product: 'Mobile', deviceprice: -1 }],
    ['a body that is not JSON', '{not json'],
  ];
  for (const [label, body] of badRequests) {
    it(`400 Bad Request for ${label}`, async () => {
      const response = await postJson(createSandbox(), '/adld/protection-plans/', body);
      await assertError(response, 400, 'Bad Request', 'Product name or device price is missing or device price is zero/negative');
    });
  }

  it('400 for an unsupported product, listing supported_products', async () => {
    const response = await get(createSandbox(), '/adld/protection-plans/?product=Television&deviceprice=1000');
    const body = await assertError(response, 400, 'Validation Error', 'Product is not covered under any protection plan');
    assert.deepEqual(body.supported_products, ['Mobile', 'Smartphone', 'Laptop', 'Tablet', 'Smartwatch']);
  });

  it('500 "Rates not configured for the product\'s category" for a mapped but unrated category', async () => {
    const response = await get(createSandbox(), '/adld/protection-plans/?product=smartwatch&deviceprice=1000');
    await assertError(response, 500, 'Server Error', "Rates not configured for the product's category");
  });
});

const policyEndpoints = [
  {
    path: '/adld-policy/',
    label: 'ADLD create (POST /adld-policy/)',
    serializerMessage: 'Policy or cart data failed validation',
    notCovered: 'Product is not eligible for ADLD insurance',
    durationExceeds: 'Duration exceeds maximum allowed for product category',
    planNotAvailable: ['ADLD plan not available for the given product and duration', { product: 'Tablet', duration: '2 Years' }],
  },
  {
    path: '/create-policy/',
    label: 'EW create (POST /create-policy/)',
    serializerMessage: 'Policy or cart data failed serializer validation',
    notCovered: 'Product is not covered under Extended Warranty plans',
    durationExceeds: 'Duration exceeds the maximum allowed years for the product category',
    planNotAvailable: [
      'Extended Warranty plan not available for the given product and duration',
      { product: 'Tablet', duration: '3 Years' },
    ],
  },
] as const;

for (const endpoint of policyEndpoints) {
  describe(`BigFix sandbox: ${endpoint.label} errors`, () => {
    const create = (overrides: Record<string, unknown>) => postJson(createSandbox(), endpoint.path, { ...policyRequest, ...overrides });

    for (const fieldName of Object.keys(policyRequest)) {
      it(`400 "One or more required fields are missing or empty" without ${fieldName}`, async () => {
        const { [fieldName]: _omitted, ...incomplete } = policyRequest as Record<string, unknown>;
        const response = await postJson(createSandbox(), endpoint.path, incomplete);
        await assertError(response, 400, 'Bad Request', 'One or more required fields are missing or empty');
      });
    }

    for (const [label, overrides] of [
      ['an empty name', { name: '' }],
      ['a blank city', { city: '  ' }],
      ['a null email', { email: null }],
    ] as const) {
      it(`400 "One or more required fields are missing or empty" with ${label}`, async () => {
        await assertError(await create(overrides), 400, 'Bad Request', 'One or more required fields are missing or empty');
      });
    }

    for (const duration of ['1 year', '1Year', '0 Years', 'two Years', '12 Months', ' 1 Year']) {
      it(`400 "Invalid duration format" for "${duration}"`, async () => {
        await assertError(await create({ duration }), 400, 'Validation Error', 'Invalid duration format');
      });
    }

    it(`400 "${endpoint.notCovered}"`, async () => {
      await assertError(await create({ product: 'Television' }), 400, 'Validation Error', endpoint.notCovered);
    });

    it(`400 "${endpoint.durationExceeds}"`, async () => {
      await assertError(await create({ duration: '3 Years' }), 400, 'Validation Error', endpoint.durationExceeds);
    });

    it(`400 "${endpoint.planNotAvailable[0]}"`, async () => {
      const [message, overrides] = endpoint.planNotAvailable;
      await assertError(await create(overrides), 400, 'Validation Error', message);
    });

    it('400 "Policy source account does not exist" (the match is exact)', async () => {
      for (const policysource of ['Acme', 'coverkit']) {
        await assertError(await create({ policysource }), 400, 'Validation Error', 'Policy source account does not exist');
      }
    });

    it(`400 Serializer Error "${endpoint.serializerMessage}" with field-level errors`, async () => {
      const response = await create({ email: 'not-an-email', deviceprice: 'abc', brand_warranty_duration: 1.5 });
      const body = await assertError(response, 400, 'Serializer Error', endpoint.serializerMessage);
      assert.deepEqual(body.errors, {
        email: ['Enter a valid email address.'],
        deviceprice: ['A valid number is required.'],
        brand_warranty_duration: ['A valid integer is required.'],
      });
    });
  });
}

describe('BigFix sandbox: ADLD create (POST /adld-policy/)', () => {
  it('400 "Rate not defined for the given brand and category" for an unrated category', async () => {
    const response = await postJson(createSandbox(), '/adld-policy/', {
      ...policyRequest,
      product: 'Smartwatch',
      duration: '1 Year',
    });
    await assertError(response, 400, 'Validation Error', 'Rate not defined for the given brand and category');
  });

  it('201 with the documented fields, charging exactly the quoted premium', async () => {
    const app = createSandbox();
    const quote = await get(app, '/get-protection-plans/?product=Mobile&brand_type=Non-Apple&deviceprice=12345.67');
    const quotedPlans = ((await quote.json()) as Record<string, Record<string, number>>)['Protection Plans'];
    assert.equal(quotedPlans?.['2 Year'], 1975.31);

    const response = await postJson(app, '/adld-policy/', {
      ...policyRequest,
      product: ' mobile',
      deviceprice: 12345.67,
    });
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), {
      policyid: 'B250217P0020001',
      'device purchase date': '2025-02-17T09:30:00.000Z',
      'brand warranty start': '2025-02-17T09:30:00.000Z',
      'brand warranty end': '2026-02-17T09:30:00.000Z',
      'plan purchase date': '2025-02-17T09:30:00.000Z',
      'policy status': 'Created',
      'protection plan price': quotedPlans?.['2 Year'],
      orderid: 'BASC1001',
    });
  });

  it('charges the Apple rate when the brand is Apple', async () => {
    const response = await postJson(createSandbox(), '/adld-policy/', {
      ...policyRequest,
      brand: 'Apple',
      duration: '1 Year',
    });
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body['protection plan price'], 5000);
    assert.match(String(body.policyid), /^B250217P001\d{4}$/);
  });

  it('accepts the quote key form "2 Year" and a numeric-string warranty duration', async () => {
    const response = await postJson(createSandbox(), '/adld-policy', {
      ...policyRequest,
      duration: '2 Year',
      brand_warranty_duration: '2',
    });
    assert.equal(response.status, 201);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body['brand warranty end'], '2027-02-17T09:30:00.000Z');
  });
});

describe('BigFix sandbox: EW create (POST /create-policy/)', () => {
  it('400 "Extended Warranty plan not available…" for a category without rates', async () => {
    const response = await postJson(createSandbox(), '/create-policy/', {
      ...policyRequest,
      product: 'Smartwatch',
      duration: '1 Year',
    });
    await assertError(response, 400, 'Validation Error', 'Extended Warranty plan not available for the given product and duration');
  });

  it('201 with only the fields the EW doc lists, charging exactly the quoted premium', async () => {
    const app = createSandbox();
    const quote = await postJson(app, '/adld/protection-plans/', { product: 'Laptop', deviceprice: 74999.99 });
    const quotedPlans = ((await quote.json()) as Record<string, Record<string, number>>)['Protection Plans'];
    assert.equal(quotedPlans?.['3 Year'], 9000);

    const response = await postJson(app, '/create-policy/', {
      ...policyRequest,
      product: 'LAPTOP',
      duration: '3 Years',
      deviceprice: 74999.99,
    });
    assert.equal(response.status, 201);
    assert.deepEqual(await response.json(), {
      policyid: 'B250217P1050001',
      'device purchase date': '2025-02-17T09:30:00.000Z',
      'plan purchase date': '2025-02-17T09:30:00.000Z',
      'policy status': 'Created',
      'protection plan price': quotedPlans?.['3 Year'],
      orderid: 'BASC1001',
    });
  });
});

describe('BigFix sandbox: identifiers and mounting', () => {
  it('increments order ids across both creates and restarts the policy sequence each day', async () => {
    let now = fixedNow;
    const app = createSandbox(() => now);
    const created: Record<string, unknown>[] = [];
    for (const path of ['/adld-policy/', '/create-policy/', '/adld-policy/']) {
      created.push((await (await postJson(app, path, policyRequest)).json()) as Record<string, unknown>);
    }
    now = new Date('2025-02-18T00:00:01.000Z');
    created.push((await (await postJson(app, '/create-policy/', policyRequest)).json()) as Record<string, unknown>);

    assert.deepEqual(
      created.map((policy) => [policy.policyid, policy.orderid]),
      [
        ['B250217P0020001', 'BASC1001'],
        ['B250217P1020002', 'BASC1002'],
        ['B250217P0020003', 'BASC1003'],
        ['B250218P1020001', 'BASC1004'],
      ],
    );
    for (const policy of created) {
      assert.match(String(policy.policyid), /^B\d{6}P\d{3}\d{4}$/);
      assert.match(String(policy.orderid), /^BASC\d+$/);
    }
  });

  it('serves under the mount path the main app uses, and honours custom accounts', async () => {
    const app = new Hono().route('/sandbox/bigfix', createBigfixSandbox({ apiKey, accounts: ['Acme'], now: () => fixedNow }));
    const quote = await get(app, '/sandbox/bigfix/get-protection-plans/?product=Laptop&brand_type=Apple&deviceprice=100000');
    assert.equal(quote.status, 200);
    const created = await postJson(app, '/sandbox/bigfix/create-policy/', { ...policyRequest, policysource: 'Acme' });
    assert.equal(created.status, 201);
    const rejected = await postJson(app, '/sandbox/bigfix/create-policy/', policyRequest);
    await assertError(rejected, 400, 'Validation Error', 'Policy source account does not exist');
    const unauthenticated = await app.request('/sandbox/bigfix/create-policy/', { method: 'POST' });
    assert.equal(unauthenticated.status, 401);
  });
});
