import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import NodeRSA from 'node-rsa';
import { decryptBody, encryptBody, formatXDate, hmacSignature, importPrivateKey, importPublicKey } from './servify-crypto.ts';

/** node-rsa configured exactly as Servify's NodeJS sample: `new NodeRSA(pemContent)`, defaults otherwise. */
function sampleNodeRsa(pem: string) {
  return new NodeRSA(pem);
}

describe('Servify crypto interoperates with the node-rsa sample', () => {
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const chunk = 256 - 42;
  const sizes = { '1 byte': 1, 'exactly one chunk': chunk, 'one chunk + 1': chunk + 1, '50 KB': 50 * 1024 };

  for (const [label, size] of Object.entries(sizes)) {
    it(`node-rsa encrypts, we decrypt: ${label}`, async () => {
      const plaintext = randomBytes(size);
      // node-rsa 2.0.0 returns a Uint8Array here, whose toString('base64') is not base64: wrap it.
      const encrypted = Buffer.from(sampleNodeRsa(pair.publicKey).encrypt(plaintext)).toString('base64');
      const decrypted = await decryptBody(await importPrivateKey(pair.privateKey), encrypted);
      assert.deepEqual(Buffer.from(decrypted), plaintext);
    });

    it(`we encrypt, node-rsa decrypts: ${label}`, async () => {
      const plaintext = randomBytes(size);
      const encrypted = await encryptBody(await importPublicKey(pair.publicKey), plaintext);
      assert.equal(Buffer.from(encrypted, 'base64').length, Math.ceil(size / chunk) * 256);
      const decrypted = sampleNodeRsa(pair.privateKey).decrypt(Buffer.from(encrypted, 'base64'));
      assert.deepEqual(Buffer.from(decrypted), plaintext);
    });
  }

  it('encrypts the empty `{}` of generateToken, and a PKCS#1 private key decrypts too', async () => {
    const pkcs1 = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    const encrypted = await encryptBody(await importPublicKey(pkcs1.publicKey), '{}');
    assert.equal(new TextDecoder().decode(await decryptBody(await importPrivateKey(pkcs1.privateKey), encrypted)), '{}');
    assert.equal(sampleNodeRsa(pkcs1.privateKey).decrypt(Buffer.from(encrypted, 'base64'), 'utf8'), '{}');
  });

  it('signs as the doc does: base64(HMAC-SHA256(secret, "x-date: …\\nx-host: …"))', async () => {
    const secret = '9uHh4sVY5va4vafgp3ACewwmebQTY8XXFaSuQTUHUcZGANHq8TGW5vKw2jns7yYT';
    const xDate = formatXDate(new Date(Date.UTC(2016, 5, 10, 18, 14, 49)));
    assert.equal(xDate, 'Fri, 10 Jun 2016 18:14:49 GMT');
    const expected = createHmac('sha256', secret).update(`x-date: ${xDate}\nx-host: client_url.com`).digest('base64');
    assert.equal(await hmacSignature(secret, xDate, 'client_url.com'), expected);
  });
});
