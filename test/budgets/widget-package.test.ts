/**
 * The npm package (`@coverkit/widget`, widget/package.json): after `npm run build:package`
 * every target its `exports`, `types` and `customElements` name exists, Lit, ky and zod
 * stay imports (the shop's bundler dedupes them), and the declarations still carry the
 * `HTMLElementTagNameMap` / `GlobalEventHandlersEventMap` augmentations; and the committed
 * `custom-elements.json` is what the analyzer makes of the source now.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeWidget, MANIFEST_PATH, normalizeManifest } from '../../scripts/widget-manifest.mjs';

const packageDir = path.resolve('widget');
const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
  name: string;
  type: string;
  types: string;
  customElements: string;
  exports: Record<string, unknown>;
};
const buildHint = 'run `npm run build:package` first';

/** Every file path in an `exports` entry, through nested conditions. */
function targets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry];
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(targets);
  return [];
}

/** The declaration file and every relative declaration it imports, concatenated. */
function declarationClosure(entry: string): string {
  const seen = new Set<string>();
  const pending = [path.join(packageDir, entry)];
  let text = '';
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    text += source;
    for (const [, specifier] of source.matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      pending.push(path.resolve(path.dirname(file), specifier!.replace(/\.(ts|js)$/, '.d.ts')));
    }
  }
  return text;
}

describe('@coverkit/widget package', () => {
  it('is an ES module package named @coverkit/widget', () => {
    assert.equal(manifest.name, '@coverkit/widget');
    assert.equal(manifest.type, 'module');
    assert.deepEqual(Object.keys(manifest.exports).sort(), [
      '.',
      './custom-elements.json',
      './jsx-preact',
      './jsx-react',
      './package.json',
      './react',
      './server',
    ]);
  });

  it('has a file behind every export, types condition and customElements', () => {
    const files = [...Object.values(manifest.exports).flatMap(targets), manifest.types, manifest.customElements];
    const missing = files.filter((file) => !existsSync(path.join(packageDir, file)));
    assert.deepEqual(missing, [], `missing in widget/: ${missing.join(', ')} (${buildHint})`);
    for (const [name, entry] of Object.entries(manifest.exports)) {
      if (typeof entry === 'object') assert.ok(Object.keys(entry as object)[0] === 'types', `${name}: "types" must be the first condition`);
    }
  });

  it('imports Lit, @lit/*, ky and zod instead of bundling them', () => {
    const dist = path.join(packageDir, 'dist');
    assert.ok(existsSync(dist), buildHint);
    const code = readdirSync(dist)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(dist, file), 'utf8'))
      .join('\n');
    for (const dependency of ['lit', '@lit/task', '@lit/localize', '@lit/context', 'ky', 'zod/mini']) {
      assert.match(code, new RegExp(`from\\s*["']${dependency}["']`), `${dependency} should stay an import`);
    }
    assert.doesNotMatch(code, /litHtmlVersions|reactiveElementVersions/, 'a copy of Lit was bundled');
  });

  it('keeps the element and event map augmentations in the declarations', () => {
    const declarations = declarationClosure(manifest.types);
    assert.match(declarations, /interface HTMLElementTagNameMap\s*{\s*'cover-offers': CoverOffers;/);
    for (const tag of ['cover-offer-list', 'cover-offer-form', 'cover-order-summary', 'cover-device-picker']) {
      assert.ok(declarations.includes(`'${tag}':`), `HTMLElementTagNameMap lacks ${tag}`);
    }
    for (const event of [
      'cover-offers-load',
      'cover-offer-select',
      'cover-offer-decline',
      'cover-order-create',
      'cover-order-confirm',
      'cover-error',
      'cover-device-change',
    ]) {
      assert.match(
        declarations,
        new RegExp(`interface GlobalEventHandlersEventMap\\s*{\\s*'${event}':`),
        `GlobalEventHandlersEventMap lacks ${event}`,
      );
    }
  });

  it('ships a custom-elements.json that matches the source', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'coverkit-manifest-'));
    try {
      const fresh = analyzeWidget(outdir);
      const hint = 'the manifest is stale: run `npm run build:package` and commit widget/custom-elements.json';
      assert.ok(readFileSync(MANIFEST_PATH, 'utf8') === fresh, hint);
      // build:package rewrites the file on disk, so where the widget source is committed (a
      // CI checkout) the committed manifest itself must be current too.
      const sourceChanges = spawnSync('git', ['status', '--porcelain', '--', 'widget/src'], { encoding: 'utf8' });
      const committed = spawnSync('git', ['show', `HEAD:${MANIFEST_PATH}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (sourceChanges.status === 0 && sourceChanges.stdout.trim() === '' && committed.status === 0) {
        assert.ok(normalizeManifest(committed.stdout) === fresh, hint);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
