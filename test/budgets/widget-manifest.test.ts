/**
 * What an integrator's tools read from the package: `custom-elements.json` validates against
 * the Custom Elements Manifest schema (the `custom-elements-manifest` package's schema.json,
 * each event, attribute, part and CSS property against its own definition too), lists every
 * element's attributes, properties, events with their detail types and parts, and points only
 * at files `npm pack` puts in the tarball; the React wrapper covers every element and event;
 * the package README lists every `strings` message id.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { collectStrings, README_PATH } from '../../scripts/widget-strings.mjs';
import { reactEvents } from '../../widget/src/react-events.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const schema = JSON.parse(readFileSync('node_modules/custom-elements-manifest/schema.json', 'utf8'));
const cem = JSON.parse(readFileSync('widget/custom-elements.json', 'utf8')) as Json;
const elements: Json[] = cem.modules
  .flatMap((module: Json) => module.declarations ?? [])
  .filter((declaration: Json) => declaration.customElement);
const element = (tag: string) => elements.find((declaration) => declaration.tagName === tag)!;

/** `part="…"` values written in the components' templates. */
function partsInTemplates(folder = 'widget/src/components'): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) return partsInTemplates(full);
    if (!entry.endsWith('.ts') || entry.endsWith('.test.ts')) return [];
    return [...readFileSync(full, 'utf8').matchAll(/part="([a-z0-9 -]+)"/g)].flatMap((match) => match[1]!.split(' '));
  });
}

describe('custom-elements.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, 'cem');

  it('validates against the Custom Elements Manifest schema, and each member against its definition', () => {
    const whole = ajv.getSchema('cem')!;
    assert.ok(whole(cem), ajv.errorsText(whole.errors));
    const checks: [string, string][] = [
      ['events', 'Event'],
      ['attributes', 'Attribute'],
      ['cssParts', 'CssPart'],
      ['cssProperties', 'CssCustomProperty'],
      ['slots', 'Slot'],
    ];
    for (const declaration of elements) {
      for (const [key, definition] of checks) {
        const validate = ajv.getSchema(`cem#/definitions/${definition}`)!;
        for (const entry of declaration[key] ?? []) {
          assert.ok(validate(entry), `${declaration.tagName} ${key} ${JSON.stringify(entry)}: ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
  });

  it('lists all six elements with their attributes, properties, events (with detail types) and parts', () => {
    assert.deepEqual(elements.map((declaration) => declaration.tagName).sort(), Object.keys(reactEvents).sort());
    const offers = element('cover-offers');
    const names = (list: Json[] = []) => list.map((entry) => entry.name);
    for (const attribute of [
      'publishable-key',
      'api-base',
      'price',
      'currency',
      'country',
      'plan-types',
      'layout',
      'theme',
      'poll-interval',
    ]) {
      assert.ok(names(offers.attributes).includes(attribute), `cover-offers lacks the ${attribute} attribute`);
    }
    for (const property of ['strings', 'error', 'price', 'publishableKey']) {
      assert.ok(names(offers.members).includes(property), `cover-offers lacks the ${property} property`);
    }
    for (const method of ['open', 'reset', 'showConfirmed']) assert.ok(names(offers.members).includes(method), method);
    for (const declaration of elements) {
      const events: Json[] = declaration.events ?? [];
      assert.deepEqual(
        names(events).sort(),
        Object.values(reactEvents[declaration.tagName as keyof typeof reactEvents]).sort(),
        `${declaration.tagName}: the manifest's events and the React wrapper's differ`,
      );
      for (const event of events) assert.match(event.type.text, /^(CustomEvent<Cover\w+Detail>|Cover\w+Event)$/, event.name);
    }
    const offerParts = new Set(names(offers.cssParts));
    // <cover-policy> exports the parts of its own elements (and the order summary's).
    const policyParts = new Set(names(element('cover-policy').cssParts));
    const missing = [...new Set(partsInTemplates())].filter((part) => !offerParts.has(part) && !policyParts.has(part));
    assert.deepEqual(missing, [], 'parts in the templates that neither cover-offers nor cover-policy lists (they export them all)');
    assert.ok(names(offers.cssProperties).includes('--cover-color-accent'));
  });

  it('points only at files the tarball holds, and the tarball holds what the package promises', () => {
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: 'widget', encoding: 'utf8' }),
    );
    const files = new Set<string>(pack.files.map((file: { path: string }) => file.path));
    for (const module of cem.modules) assert.ok(files.has(module.path), `the manifest names ${module.path}, not in the tarball`);
    assert.ok(files.has(cem.readme), 'the manifest names its readme');
    const widgetPackage = JSON.parse(readFileSync('widget/package.json', 'utf8'));
    const targets = (entry: unknown): string[] =>
      typeof entry === 'string' ? [entry] : entry && typeof entry === 'object' ? Object.values(entry).flatMap(targets) : [];
    for (const target of targets(widgetPackage.exports))
      assert.ok(files.has(target.replace(/^\.\//, '')), `export ${target} not in the tarball`);
    for (const required of ['package.json', 'README.md', 'custom-elements.json', 'dist/index.js', 'dist/react.js']) {
      assert.ok(files.has(required), `${required} not in the tarball`);
    }
    const unwanted = [...files].filter((file) => /(\.test\.|\/testing\/|^src\/|screenshot-page|vite\.|tsconfig)/.test(file));
    assert.deepEqual(unwanted, [], 'files that do not belong in the tarball');
  });
});

describe('widget/README.md', () => {
  it('lists every strings message id with its English text (node scripts/widget-strings.mjs)', () => {
    const full = readFileSync(README_PATH, 'utf8');
    const readme = full.slice(full.indexOf('<!-- strings:start'), full.indexOf('<!-- strings:end'));
    const rows = [...readme.matchAll(/^\| `([a-z0-9.-]+)`\s*\| (.*?)\s*\|$/gm)].map((match) => ({
      id: match[1],
      english: match[2]!.replace(/\\\|/g, '|'),
    }));
    const expected = collectStrings().map(({ id, english }) => ({
      id,
      english: english.replace(/\s+/g, ' ').trim(),
    }));
    assert.deepEqual(rows, expected, 'run node scripts/widget-strings.mjs');
  });
});
