/**
 * Widget bytes as a shopper's browser would download them: raw, gzip and brotli, for the
 * script-tag entry, the chunks it imports statically, and every chunk in dist/widget.
 * Shared by `npm run bench` and the size-budget test, so both count the same way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const WIDGET_DIR = path.resolve('dist/widget');
export const WIDGET_ENTRY = 'coverkit.js';
// Lowered from 25 KB when the client dropped ky (entry 21.3 KB gzip): about 0.7 KB of room for the shopper-facing work beside it.
export const GZIP_BUDGET_BYTES = 22 * 1024;

export interface Bytes {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

/** Level 9 gzip and quality 11 brotli: what a CDN serves for a static, cacheable file. */
export function measureFiles(files: string[], directory = WIDGET_DIR): Bytes {
  const total: Bytes = { files, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const content = readFileSync(path.join(directory, file));
    total.raw += content.length;
    total.gzip += gzipSync(content, { level: 9 }).length;
    total.brotli += brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

export function allChunks(directory = WIDGET_DIR): string[] {
  if (!existsSync(directory)) throw new Error(`${directory} is missing: run \`npm run build\` first`);
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .sort();
}

// `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"`; never `import("./x.js")`,
// which is loaded later, on demand.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;

const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

/** The entry plus every chunk reachable from it through static imports: what runs before first render. */
export function staticImportClosure(entry = WIDGET_ENTRY, directory = WIDGET_DIR): string[] {
  return importClosure(entry, directory, [STATIC_IMPORT]);
}

/** The entry plus every chunk it can ever load (static and dynamic imports): the whole purchase flow, every language. */
export function wholeFlowClosure(entry = WIDGET_ENTRY, directory = WIDGET_DIR): string[] {
  return importClosure(entry, directory, [STATIC_IMPORT, DYNAMIC_IMPORT]);
}

function importClosure(entry: string, directory: string, patterns: RegExp[]): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(directory, file), 'utf8');
    for (const pattern of patterns)
      for (const match of source.matchAll(pattern)) {
        pending.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]!)));
      }
  }
  return [...seen].sort();
}
