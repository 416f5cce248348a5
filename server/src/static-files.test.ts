import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IMMUTABLE_WIDGET_FILE } from './static-files.ts';

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
