/**
 * Every string the widget shows has its Hindi: a message id used in the widget's source
 * (`t('id', …)` or `msg(…, { id: 'id' })`) and missing from locales/hi.ts would put English
 * words in the middle of a Hindi page (issue 18, item 7).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const widgetSource = path.resolve(import.meta.dirname, '../../widget/src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return entry === 'locales' || entry === 'testing' ? [] : sourceFiles(full);
    return entry.endsWith('.ts') && !entry.endsWith('.test.ts') ? [full] : [];
  });
}

describe('Hindi strings', () => {
  it('has a Hindi text for every message id the widget uses', () => {
    const hindi = readFileSync(path.join(widgetSource, 'locales/hi.ts'), 'utf8');
    const translated = new Set([...hindi.matchAll(/^\s*'([a-z0-9.-]+)':/gm)].map((match) => match[1]));
    const used = new Set<string>();
    for (const file of sourceFiles(widgetSource)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-z0-9.-]+)'/g)) used.add(match[1]!);
      // Message ids are dotted (`list.name`); other `id:` values (a field's id) are not.
      for (const match of text.matchAll(/\bid: '([a-z0-9-]+\.[a-z0-9.-]+)'/g)) used.add(match[1]!);
    }
    assert.ok(used.size > 100, `found only ${used.size} message ids: the pattern no longer matches the source`);
    const missing = [...used].filter((id) => !translated.has(id)).sort();
    assert.deepEqual(missing, [], `message ids with no Hindi in widget/src/locales/hi.ts: ${missing.join(', ')}`);
  });
});
