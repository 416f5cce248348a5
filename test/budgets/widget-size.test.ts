/**
 * The widget's size budget: what a shop's page must download before the first offer can
 * render. Reads the build `npm test` has just made; timings are never asserted here
 * (they are `npm run bench`'s job), bytes are, because they are stable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GZIP_BUDGET_BYTES, measureFiles, staticImportClosure, WIDGET_ENTRY } from '../../bench/widget-size.ts';

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('widget size budget', () => {
  it(`the script-tag entry plus its statically imported chunks stay within ${kilobytes(GZIP_BUDGET_BYTES)} gzip`, () => {
    const files = staticImportClosure();
    assert.ok(files.includes(WIDGET_ENTRY), `${WIDGET_ENTRY} is missing from dist/widget`);
    const { gzip } = measureFiles(files);
    assert.ok(
      gzip <= GZIP_BUDGET_BYTES,
      `${files.join(' + ')} is ${kilobytes(gzip)} gzip, over the ${kilobytes(GZIP_BUDGET_BYTES)} budget`,
    );
  });
});
