/**
 * Servify's message security, with Web Crypto only (so the client is not tied to Node):
 * - bodies are RSA-OAEP (SHA-1, MGF1-SHA-1) in chunks of keyBytes − 42 plaintext bytes;
 *   the ciphertext blocks are concatenated as raw bytes and base64-encoded once, as every
 *   sample in the doc (.Net, Python, Java, PHP, node-rsa) does;
 * - `hmac-signature` = base64(HMAC-SHA256(client signature, "x-date: …\nx-host: …")).
 */

const OAEP = { name: 'RSA-OAEP', hash: 'SHA-1' } as const;
/** 2 × SHA-1 length + 2: the OAEP overhead per block. */
const OAEP_OVERHEAD_BYTES = 42;

const encoder = new TextEncoder();

/** Bytes backed by a plain ArrayBuffer, as Web Crypto's BufferSource wants. */
type Bytes = Uint8Array<ArrayBuffer>;

export function base64FromBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function bytesFromBase64(base64: string): Bytes {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function pemBody(pem: string, label: string): Bytes | null {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem.replace(/\\n/g, '\n'));
  return match ? bytesFromBase64(match[1]!.replace(/\s+/g, '')) : null;
}

/** DER length + value, enough to wrap a PKCS#1 key in its PKCS#8 / SPKI envelope. */
function der(tag: number, content: Uint8Array): Bytes {
  const length = content.length;
  const lengthBytes =
    length < 0x80
      ? [length]
      : length < 0x100
        ? [0x81, length]
        : length < 0x10000
          ? [0x82, length >> 8, length & 0xff]
          : [0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  return Uint8Array.from([tag, ...lengthBytes, ...content]);
}

const RSA_ALGORITHM_IDENTIFIER = Uint8Array.from([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);

function concat(...parts: Uint8Array[]): Bytes {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) (result.set(part, offset), (offset += part.length));
  return result;
}

/** `openssl genrsa` writes PKCS#1 on OpenSSL 1.x and PKCS#8 on 3.x: accept both. */
export async function importPrivateKey(pem: string): Promise<CryptoKey> {
  const pkcs8 = pemBody(pem, 'PRIVATE KEY');
  const pkcs1 = pkcs8 ? null : pemBody(pem, 'RSA PRIVATE KEY');
  const body = pkcs8 ?? (pkcs1 && der(0x30, concat(Uint8Array.from([0x02, 0x01, 0x00]), RSA_ALGORITHM_IDENTIFIER, der(0x04, pkcs1))));
  if (!body) throw new TypeError('not a PEM RSA private key');
  return crypto.subtle.importKey('pkcs8', body, OAEP, false, ['decrypt']);
}

export async function importPublicKey(pem: string): Promise<CryptoKey> {
  const spki = pemBody(pem, 'PUBLIC KEY');
  const pkcs1 = spki ? null : pemBody(pem, 'RSA PUBLIC KEY');
  const body = spki ?? (pkcs1 && der(0x30, concat(RSA_ALGORITHM_IDENTIFIER, der(0x03, concat(Uint8Array.of(0), pkcs1)))));
  if (!body) throw new TypeError('not a PEM RSA public key');
  return crypto.subtle.importKey('spki', body, OAEP, false, ['encrypt']);
}

function keyBytes(key: CryptoKey): number {
  return (key.algorithm as RsaHashedKeyAlgorithm).modulusLength / 8;
}

/** Plaintext → base64 of concatenated OAEP blocks. An empty body still yields one block. */
export async function encryptBody(publicKey: CryptoKey, plaintext: Uint8Array | string): Promise<string> {
  const bytes: Bytes = typeof plaintext === 'string' ? encoder.encode(plaintext) : Uint8Array.from(plaintext);
  const chunkSize = keyBytes(publicKey) - OAEP_OVERHEAD_BYTES;
  const chunks: Bytes[] = [];
  for (let offset = 0; offset < bytes.length || offset === 0; offset += chunkSize) chunks.push(bytes.subarray(offset, offset + chunkSize));
  const blocks = await Promise.all(chunks.map(async (chunk) => new Uint8Array(await crypto.subtle.encrypt(OAEP, publicKey, chunk))));
  return base64FromBytes(concat(...blocks));
}

/** base64 of concatenated OAEP blocks → plaintext bytes; throws on any bad block. */
export async function decryptBody(privateKey: CryptoKey, base64: string): Promise<Uint8Array> {
  const bytes = bytesFromBase64(base64);
  const blockSize = keyBytes(privateKey);
  if (bytes.length === 0 || bytes.length % blockSize !== 0) throw new TypeError('ciphertext is not whole RSA blocks');
  const blocks: Bytes[] = [];
  for (let offset = 0; offset < bytes.length; offset += blockSize) blocks.push(bytes.subarray(offset, offset + blockSize));
  const plain = await Promise.all(blocks.map(async (block) => new Uint8Array(await crypto.subtle.decrypt(OAEP, privateKey, block))));
  return concat(...plain);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "ddd, DD MMM YYYY HH:mm:ss GMT", as moment formats it in the Node sample. */
export function formatXDate(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${WEEKDAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`;
}

export function signingString(xDate: string, xHost: string): string {
  return `x-date: ${xDate}\nx-host: ${xHost}`;
}

export async function hmacBase64(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64FromBytes(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message))));
}

export function hmacSignature(secret: string, xDate: string, xHost: string): Promise<string> {
  return hmacBase64(secret, signingString(xDate, xHost));
}

/** Constant-time comparison of two signatures. */
export function sameSignature(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
