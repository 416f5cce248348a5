#!/usr/bin/env node
/**
 * The widget's custom-elements.json, made the same way every time: `cem analyze` (the
 * `widget:manifest` script) lists modules in the order its file glob returns them, which
 * varies between runs, so the modules are sorted by path. `npm run build:package` runs
 * the analyzer and then this; test/budgets/widget-package.test.ts checks that the
 * committed manifest is what they make of the source.
 *
 * The analyzer's output is then shaped for the package (see `shapeManifest`): one module per
 * package entry (`dist/index.js`), paths that exist in the tarball, events with their name
 * and detail type, and every part a description lists ("Also a, b.") as a part of its own.
 *
 *   node scripts/widget-manifest.mjs            shapes widget/custom-elements.json in place
 *   node scripts/widget-manifest.mjs <outdir>   analyzes into <outdir> (any path), shaped
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MANIFEST_PATH = 'widget/custom-elements.json';

const PACKAGE_ENTRY = 'dist/index.js';

/** Event name → its class and detail type, read from widget/src/events/*.ts. */
function eventTypes() {
  const folder = 'widget/src/events';
  const events = new Map();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(folder, file), 'utf8');
    const declared = source.match(/export class (\w+) extends (?:CustomEvent<(\w+)>|Event)/);
    const name = source.match(/static readonly eventName = '([^']+)'/);
    if (declared && name) events.set(name[1], { className: declared[1], detail: declared[2] });
  }
  return events;
}

/** Drops analyzer fields that point into widget/src (absent from the tarball). */
function withoutSourcePaths(value) {
  if (Array.isArray(value)) return value.map(withoutSourcePaths);
  if (!value || typeof value !== 'object') return value;
  const result = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'source' || key === 'references') continue;
    if (key === 'module' && typeof item === 'string' && item.startsWith('widget/src/')) result[key] = PACKAGE_ENTRY;
    else if (key === 'module' && typeof item === 'string' && item.startsWith('/widget/src/')) result[key] = PACKAGE_ENTRY;
    else result[key] = withoutSourcePaths(item);
  }
  return result;
}

/** "offers - The offers. Also group, offer." → offers, group and offer, each a part. */
function expandParts(parts = []) {
  const expanded = parts.flatMap((part) => {
    const match = /^(.*?)\s*Also ([a-z0-9-]+(?:, [a-z0-9-]+)*)\.?$/.exec(part.description ?? '');
    if (!match) return [part];
    const inside = match[2].split(', ').map((name) => ({ name, description: `Inside \`${part.name}\`.` }));
    return [{ ...part, description: match[1] }, ...inside];
  });
  // A name listed twice (a label in the picker and in the form) is one part to style.
  return expanded.filter((part, index) => expanded.findIndex((other) => other.name === part.name) === index);
}

function shapeElement(declaration, events) {
  const byName = new Map();
  for (const event of declaration.events ?? []) {
    const fromType = [...events].find(([, known]) => known.className === event.type?.text)?.[0];
    const name = fromType ?? event.name;
    const known = events.get(name);
    if (!known) continue; // the analyzer's guesses (e.g. "order" from a constructor argument)
    const previous = byName.get(name);
    byName.set(name, {
      name,
      type: { text: known.detail ? `CustomEvent<${known.detail}>` : known.className },
      description: [event.description ?? previous?.description, `Dispatched as \`${known.className}\`.`].filter(Boolean).join(' '),
    });
  }
  return {
    ...declaration,
    events: [...byName.values()],
    cssParts: expandParts(declaration.cssParts),
    members: (declaration.members ?? []).filter((member) => member.privacy !== 'private' && member.privacy !== 'protected'),
  };
}

/**
 * The analyzer's manifest as the package ships it: the public elements and event classes in
 * one module, `dist/index.js` (importing it registers `cover-offers` and `cover-offer-list`;
 * the others are registered when `<cover-offers>` reaches their step).
 */
export function shapeManifest(manifest) {
  if (manifest.modules.length === 1 && manifest.modules[0].path === PACKAGE_ENTRY) return manifest;
  const events = eventTypes();
  const eventClasses = new Set([...events.values()].map((event) => event.className));
  const modules = [...manifest.modules].sort((first, second) => (first.path < second.path ? -1 : first.path > second.path ? 1 : 0));
  const declarations = modules.flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement || eventClasses.has(declaration.name)),
  );
  const shaped = declarations.map((declaration) => (declaration.customElement ? shapeElement(declaration, events) : declaration));
  const reference = (name) => ({ name, module: PACKAGE_ENTRY });
  return withoutSourcePaths({
    schemaVersion: manifest.schemaVersion,
    readme: 'README.md',
    modules: [
      {
        kind: 'javascript-module',
        path: PACKAGE_ENTRY,
        declarations: shaped,
        exports: [
          ...shaped.map((declaration) => ({ kind: 'js', name: declaration.name, declaration: reference(declaration.name) })),
          ...shaped
            .filter((declaration) => declaration.tagName)
            .map((declaration) => ({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: reference(declaration.name),
            })),
        ],
      },
    ],
  });
}

/** The manifest text, shaped, as written to disk. */
export function normalizeManifest(text) {
  return `${JSON.stringify(shapeManifest(JSON.parse(text)), null, 2)}\n`;
}

/**
 * Runs the analyzer as `npm run widget:manifest` does, into `outdir`; returns the sorted manifest text.
 * It runs in a scratch folder that links to the sources: the analyzer points the package.json of its
 * working directory at its output, and rewriting ours would break every process reading it meanwhile.
 */
export function analyzeWidget(outdir) {
  const root = process.cwd();
  const scratch = mkdtempSync(path.join(tmpdir(), 'coverkit-cem-'));
  try {
    for (const entry of ['widget', 'contract', 'node_modules']) symlinkSync(path.join(root, entry), path.join(scratch, entry), 'dir');
    writeFileSync(path.join(scratch, 'package.json'), '{ "name": "coverkit-manifest-run", "private": true, "type": "module" }\n');
    // The analyzer joins --outdir onto its working directory, so an absolute path goes in relative.
    const relative = path.relative(scratch, path.resolve(outdir));
    execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--litelement',
        '--globs',
        'widget/src/**/*.ts',
        '--exclude',
        'widget/src/**/*.test.ts',
        '--exclude',
        'widget/src/testing/**',
        '--outdir',
        relative,
      ],
      { stdio: 'ignore', cwd: scratch },
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return normalizeManifest(readFileSync(path.join(outdir, 'custom-elements.json'), 'utf8'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outdir = process.argv[2];
  if (outdir) writeFileSync(path.join(outdir, 'custom-elements.json'), analyzeWidget(outdir));
  else writeFileSync(MANIFEST_PATH, normalizeManifest(readFileSync(MANIFEST_PATH, 'utf8')));
}
