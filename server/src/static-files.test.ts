import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { precompressFolder } from '../../scripts/precompress.mjs';
import { acceptedEncodings, IMMUTABLE_WIDGET_FILE, sendFile } from './static-files.ts';

describe('widget file caching', () => {
  it('marks versioned and content-hashed files immutable, and the unpinned entry not', () => {
    for (const file of [
      'coverkit-0.1.0.js',
      'coverkit-0.1.0-cover-offer-form-BdsrxN38.js',
      'schemas-Cvl1-QKU.js',
      'coverkit-0.1.0.js.map',
    ]) {
      assert.ok(IMMUTABLE_WIDGET_FILE.test(file), file);
    }
    for (const file of ['coverkit.js', 'coverkit.js.map', 'index.html']) assert.ok(!IMMUTABLE_WIDGET_FILE.test(file), file);
  });
});

describe('Accept-Encoding', () => {
  it('orders what the client allows by weight, brotli first on a tie, and drops q=0 and unknown names', () => {
    assert.deepEqual(acceptedEncodings('gzip, deflate, br'), ['br', 'gzip']);
    assert.deepEqual(acceptedEncodings('br;q=0.5, gzip'), ['gzip', 'br']);
    assert.deepEqual(acceptedEncodings('br;q=0, gzip;q=0.8'), ['gzip']);
    assert.deepEqual(acceptedEncodings('*'), ['br', 'gzip']);
    assert.deepEqual(acceptedEncodings('zstd, compress'), []);
    assert.deepEqual(acceptedEncodings(undefined), []);
  });
});

describe('precompressed delivery', () => {
  let folder: string;
  const source = `export const plans = ${JSON.stringify(Array.from({ length: 200 }, (_, index) => ({ plan: `plan-${index}` })))};\n`;
  const app = new Hono().get('/files/:file{.+}', (context) =>
    sendFile(context, folder, context.req.param('file'), { 'Cache-Control': 'public, max-age=300' }),
  );
  const get = (file: string, headers: Record<string, string> = {}) => app.request(`/files/${file}`, { headers });

  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'coverkit-static-'));
    writeFileSync(path.join(folder, 'widget.js'), source);
    precompressFolder(folder);
    writeFileSync(path.join(folder, 'plain.html'), '<p>no variants</p>');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('sends brotli, gzip or identity bytes that each decode to the original', async () => {
    const decoders: Record<string, (bytes: Buffer) => Buffer> = {
      br: brotliDecompressSync,
      gzip: gunzipSync,
      identity: (bytes) => bytes,
    };
    for (const [acceptEncoding, expected] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', 'identity'],
    ] as const) {
      const response = await get('widget.js', { 'Accept-Encoding': acceptEncoding });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Encoding') ?? 'identity', expected, acceptEncoding);
      assert.equal(response.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(decoders[expected]!(bytes).toString('utf8'), source, acceptEncoding);
      if (expected !== 'identity') assert.ok(bytes.length < Buffer.byteLength(source) / 2, `${expected} compresses`);
    }
  });

  it('sends identity for unknown or refused encodings and no header at all', async () => {
    const cases: Record<string, string>[] = [{ 'Accept-Encoding': 'zstd, compress' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0' }, {}];
    for (const headers of cases) {
      const response = await get('widget.js', headers);
      assert.equal(response.headers.get('Content-Encoding'), null, JSON.stringify(headers));
      assert.equal(await response.text(), source);
    }
  });

  it('varies on Accept-Encoding with a distinct strong ETag per variant', async () => {
    const etags = new Set<string>();
    for (const acceptEncoding of ['br', 'gzip', 'identity']) {
      const response = await get('widget.js', { 'Accept-Encoding': acceptEncoding });
      assert.equal(response.headers.get('Vary'), 'Accept-Encoding');
      const etag = response.headers.get('ETag')!;
      assert.match(etag, /^"[\w-]+"$/, 'strong, quoted');
      etags.add(etag);
      const again = await get('widget.js', { 'Accept-Encoding': acceptEncoding });
      assert.equal(again.headers.get('ETag'), etag, 'stable');
    }
    assert.equal(etags.size, 3);
  });

  it('answers 304 with no body to a matching If-None-Match, and 200 to another variant’s ETag', async () => {
    const brotli = await get('widget.js', { 'Accept-Encoding': 'br' });
    const etag = brotli.headers.get('ETag')!;
    const notModified = await get('widget.js', { 'Accept-Encoding': 'br', 'If-None-Match': `"other", ${etag}` });
    assert.equal(notModified.status, 304);
    assert.equal(await notModified.text(), '');
    assert.equal(notModified.headers.get('ETag'), etag);
    assert.equal(notModified.headers.get('Vary'), 'Accept-Encoding');
    assert.equal(notModified.headers.get('Cache-Control'), 'public, max-age=300');
    const weak = await get('widget.js', { 'Accept-Encoding': 'br', 'If-None-Match': `W/${etag}` });
    assert.equal(weak.status, 304, 'If-None-Match compares weakly');
    const gzip = await get('widget.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    assert.equal(gzip.status, 200, 'the brotli ETag does not validate the gzip bytes');
    assert.equal(gzip.headers.get('Content-Encoding'), 'gzip');
  });

  it('serves a file without variants as identity, and 404 for missing files and path escapes', async () => {
    const plain = await get('plain.html', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get('Content-Encoding'), null);
    assert.equal(await plain.text(), '<p>no variants</p>');
    assert.equal((await get('missing.js', { 'Accept-Encoding': 'br' })).status, 404);
    assert.equal((await get('..%2F..%2Fetc%2Fpasswd')).status, 404);
  });
});
