// Writes `<file>.br` (brotli quality 11) and `<file>.gz` (gzip level 9) next to every built
// file, so the server sends compressed bytes without compressing per request (Node 20's
// CompressionStream has no brotli, and quality 11 is far too slow to run per response).
// Usage: node scripts/precompress.mjs dist/widget dist/demo
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const PRECOMPRESSED_SUFFIXES = ['.br', '.gz'];

function filesUnder(folder) {
  return readdirSync(folder).flatMap((entry) => {
    const full = path.join(folder, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Compresses every file under `folder`; variants left from an earlier build are rewritten or removed. */
export function precompressFolder(folder) {
  const files = filesUnder(folder);
  const originals = files.filter((file) => !PRECOMPRESSED_SUFFIXES.includes(path.extname(file)));
  const kept = new Set(originals.flatMap((file) => PRECOMPRESSED_SUFFIXES.map((suffix) => file + suffix)));
  for (const file of files) if (!kept.has(file) && !originals.includes(file)) unlinkSync(file);
  for (const file of originals) {
    const content = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
  return originals;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const folder of process.argv.slice(2)) precompressFolder(folder);
}
