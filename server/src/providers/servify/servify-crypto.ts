/**
 * Servify's message security, with node:crypto `KeyObject`s parsed once per client:
 * - bodies are RSA-OAEP (SHA-1, MGF1-SHA-1) in chunks of keyBytes − 42 plaintext bytes;
 *   the ciphertext blocks are concatenated as raw bytes and base64-encoded once, as every
 *   sample in the doc (.Net, Python, Java, PHP, node-rsa) does;
 * - `hmac-signature` = base64(HMAC-SHA256(client signature, "x-date: …\nx-host: …")).
 *
 * node:crypto rather than Web Crypto: a 2 KB body is ten RSA blocks, and Web Crypto's
 * per-operation promise and thread-pool hop cost more than the RSA work itself
 * (bench/servify-crypto.ts). The functions stay async so callers do not change.
 */
import { constants, createHmac, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';

/** 2 × SHA-1 length + 2: the OAEP overhead per block. */
const OAEP_OVERHEAD_BYTES = 42;

function oaep(key: KeyObject) {
  return { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' };
}

export function base64FromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function bytesFromBase64(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

function pemBody(pem: string, label: string): Buffer | null {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem.replace(/\\n/g, '\n'));
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : null;
}

/** `openssl genrsa` writes PKCS#1 on OpenSSL 1.x and PKCS#8 on 3.x: accept both. */
export async function importPrivateKey(pem: string): Promise<KeyObject> {
  const pkcs8 = pemBody(pem, 'PRIVATE KEY');
  const pkcs1 = pkcs8 ? null : pemBody(pem, 'RSA PRIVATE KEY');
  if (!pkcs8 && !pkcs1) throw new TypeError('not a PEM RSA private key');
  const key = pkcs8
    ? createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
    : createPrivateKey({ key: pkcs1!, format: 'der', type: 'pkcs1' });
  if (key.asymmetricKeyType !== 'rsa') throw new TypeError('not a PEM RSA private key');
  return key;
}

export async function importPublicKey(pem: string): Promise<KeyObject> {
  const spki = pemBody(pem, 'PUBLIC KEY');
  const pkcs1 = spki ? null : pemBody(pem, 'RSA PUBLIC KEY');
  if (!spki && !pkcs1) throw new TypeError('not a PEM RSA public key');
  const key = spki
    ? createPublicKey({ key: spki, format: 'der', type: 'spki' })
    : createPublicKey({ key: pkcs1!, format: 'der', type: 'pkcs1' });
  if (key.asymmetricKeyType !== 'rsa') throw new TypeError('not a PEM RSA public key');
  return key;
}

function keyBytes(key: KeyObject): number {
  return key.asymmetricKeyDetails!.modulusLength! / 8;
}

/** Plaintext → base64 of concatenated OAEP blocks. An empty body still yields one block. */
export async function encryptBody(publicKey: KeyObject, plaintext: Uint8Array | string): Promise<string> {
  const bytes =
    typeof plaintext === 'string'
      ? Buffer.from(plaintext, 'utf8')
      : Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
  const chunkSize = keyBytes(publicKey) - OAEP_OVERHEAD_BYTES;
  const options = oaep(publicKey);
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length || offset === 0; offset += chunkSize)
    blocks.push(publicEncrypt(options, bytes.subarray(offset, offset + chunkSize)));
  return Buffer.concat(blocks).toString('base64');
}

/** base64 of concatenated OAEP blocks → plaintext bytes; throws on any bad block. */
export async function decryptBody(privateKey: KeyObject, base64: string): Promise<Uint8Array> {
  const bytes = Buffer.from(base64, 'base64');
  const blockSize = keyBytes(privateKey);
  if (bytes.length === 0 || bytes.length % blockSize !== 0) throw new TypeError('ciphertext is not whole RSA blocks');
  const options = oaep(privateKey);
  const plain: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += blockSize)
    plain.push(privateDecrypt(options, bytes.subarray(offset, offset + blockSize)));
  return Buffer.concat(plain);
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
  return createHmac('sha256', secret).update(message).digest('base64');
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
