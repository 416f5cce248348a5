/**
 * SERVIFY SECTION — runs once the Servify adapter (branch `servify`) is merged into main.
 * Until then `server/src/providers/servify/servify-crypto.ts` is absent and every figure
 * here reads "skipped: Servify not merged yet".
 *
 * Measures sign (HMAC header) + encrypt + decrypt of a createContract-sized body with our
 * module (node:crypto KeyObjects, imported once as the client does), and the same work with
 * node-rsa configured as Servify's NodeJS sample does (`new NodeRSA(pem)`: its default
 * scheme is pkcs1_oaep with SHA-1, chunked).
 */
import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import NodeRSA from 'node-rsa';

/** The parts of servify-crypto.ts used here, typed locally so this compiles before the merge. */
interface ServifyCrypto {
  importPublicKey(pem: string): Promise<KeyObject>;
  importPrivateKey(pem: string): Promise<KeyObject>;
  encryptBody(publicKey: KeyObject, plaintext: string): Promise<string>;
  decryptBody(privateKey: KeyObject, base64: string): Promise<Uint8Array>;
  hmacSignature(secret: string, xDate: string, xHost: string): Promise<string>;
}

export const SERVIFY_CRYPTO_MODULE = '../server/src/providers/servify/servify-crypto.ts';
const ROUNDS = 100;
const TIME_LIMIT_MS = 10_000;
const SECRET = 'sfy_bench_signature';
const X_HOST = 'coverkit.example';

/** A createContract body like the doc's example, padded with plausible fields to about 2 KB. */
export function contractBody(): string {
  const body: Record<string, unknown> = {
    ExternalReferenceID: 'IND20D1775222344',
    ProductUniqueID: '3569054353457',
    SerialNumber: 'hdgse356hs73h92b',
    DeviceDateOfPurchase: '2026-06-15',
    CustomerName: 'Asha Rao',
    PhoneCode: '91',
    CountryCode: 'IN',
    CurrencyCode: 'INR',
    MobileNo: '9812345678',
    EmailID: 'asha.rao@example.com',
    BrandCode: 'Samsung',
    ProductPurchaseCost: 74999,
    PlanCode: 'SFYADLD01',
    ProductSubCategoryCode: 'Smartphone',
    State: 'Karnataka',
    Zipcode: '560001',
    PlanPrice: 3000,
    CustomerAddress: { AddressLine1: '12 MG Road', AddressLine2: 'Flat 4B', Zipcode: '560001', City: 'Bengaluru', State: 'Karnataka' },
  };
  for (let index = 0; JSON.stringify(body).length < 2048; index++) body[`AdditionalInfo${index}`] = 'x'.repeat(40);
  return JSON.stringify(body);
}

export async function loadServifyCrypto(): Promise<ServifyCrypto | null> {
  try {
    // A variable specifier, so the type checker does not look for the file before the merge.
    const specifier: string = SERVIFY_CRYPTO_MODULE;
    return (await import(specifier)) as ServifyCrypto;
  } catch {
    return null;
  }
}

/** Mean milliseconds per round of `work`, over ROUNDS rounds or TIME_LIMIT_MS, whichever ends first. */
async function timePerRound(work: () => Promise<void> | void): Promise<number> {
  await work(); // warm-up: key parsing caches, JIT
  const started = performance.now();
  let rounds = 0;
  while (rounds < ROUNDS && performance.now() - started < TIME_LIMIT_MS) {
    await work();
    rounds++;
  }
  return (performance.now() - started) / rounds;
}

export interface CryptoFigures {
  bodyBytes: number;
  coverkitMs: number;
  nodeRsaMs: number;
}

export async function measureServifyCrypto(servify: ServifyCrypto): Promise<CryptoFigures> {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const body = contractBody();
  const xDate = new Date().toUTCString();
  // Imported once, outside the timed rounds, as ServifyClient does at construction.
  const publicKey = await servify.importPublicKey(pair.publicKey);
  const privateKey = await servify.importPrivateKey(pair.privateKey);
  const coverkitMs = await timePerRound(async () => {
    await servify.hmacSignature(SECRET, xDate, X_HOST);
    await servify.decryptBody(privateKey, await servify.encryptBody(publicKey, body));
  });
  // Parsed once, as a client would keep them; the sample re-reads the PEM per call, which would cost more.
  const servifyPublic = new NodeRSA(pair.publicKey);
  const ownPrivate = new NodeRSA(pair.privateKey);
  const nodeRsaMs = await timePerRound(() => {
    createHmac('sha256', SECRET).update(`x-date: ${xDate}\nx-host: ${X_HOST}`).digest('base64');
    const encrypted = Buffer.from(servifyPublic.encrypt(Buffer.from(body))).toString('base64');
    ownPrivate.decrypt(Buffer.from(encrypted, 'base64'), 'utf8');
  });
  return { bodyBytes: Buffer.byteLength(body), coverkitMs, nodeRsaMs };
}

/** A merchant that quotes with Servify only, so the quote figure is Servify's path alone. */
export const SERVIFY_ONLY_MERCHANTS = [
  {
    id: 'bench',
    name: 'Bench',
    publishableKey: 'pk_test_servify_bench',
    secretKey: 'sk_test_servify_bench',
    allowedOrigins: [] as string[],
    providers: ['servify'],
  },
];
