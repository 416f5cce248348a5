/**
 * Compiles the server (server/src/index.ts and everything it imports: contract/, and the demo's
 * merchant routes, served in test mode only) to plain JavaScript in dist/server/index.js, so
 * production runs `node dist/server/index.js` after `npm ci --omit=dev`: no tsx, vite or
 * TypeScript at run time. npm packages stay imports (installed with the production
 * dependencies); the build fails if the server would import a package that is not one of them.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(fileURLToPath(import.meta.url), '../..');
const outdir = path.join(root, 'dist/server');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const runtimePackages = new Set(Object.keys(packageJson.dependencies ?? {}));

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['server/src/index.ts'],
  outfile: path.join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});

const imported = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.external && !entry.path.startsWith('node:'))
    .map((entry) => packageOf(entry.path)),
);
const notRuntime = [...imported].filter((name) => !runtimePackages.has(name));
if (notRuntime.length > 0) {
  console.error(`dist/server imports packages that npm ci --omit=dev does not install: ${notRuntime.join(', ')}`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/server/index.js: ${(bytes / 1024).toFixed(0)} KB with its source map; imports ${[...imported].sort().join(', ')}`);
