/**
 * The package as a merchant's developer meets it: `npm pack` of widget/ (after
 * `npm run build:package`), installed into fresh Vite apps kept under test/fixtures (React-TS
 * and vanilla-TS), type-checked with tsc and built with Vite. Offline: the tarball is unpacked
 * into each copy's node_modules, and everything else (vite, react, lit…) resolves from the
 * repository's node_modules above test-results/.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';

const root = process.cwd();
const work = path.join(root, 'test-results/package-fixtures');
let tarball = '';

before(() => {
  assert.ok(existsSync('widget/dist/index.js'), 'run `npm run build:package` first');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', path.join(root, 'widget'), '--pack-destination', work, '--json', '--ignore-scripts'], {
      cwd: work,
      encoding: 'utf8',
    }),
  );
  tarball = path.join(work, pack.filename);
});

function install(app: string): string {
  const directory = path.join(work, app);
  cpSync(path.join(root, 'test/fixtures', app), directory, { recursive: true });
  const target = path.join(directory, 'node_modules/@coverkit/widget');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  return directory;
}

function run(directory: string, command: string, args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', command), ...args], {
    cwd: directory,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} in ${directory}:\n${result.stdout}${result.stderr}`);
}

function builtScripts(directory: string): string {
  const assets = path.join(directory, 'dist/assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(assets, file), 'utf8'))
    .join('\n');
}

describe('@coverkit/widget from its tarball in fresh apps', () => {
  for (const app of ['vanilla-app', 'react-app']) {
    it(`${app}: installs, type-checks and builds with one copy of Lit`, () => {
      const directory = install(app);
      run(directory, 'typescript/bin/tsc', ['-p', '.']);
      run(directory, 'vite/bin/vite.js', ['build', '--logLevel', 'warn']);
      assert.ok(existsSync(path.join(directory, 'dist/index.html')));
      const code = builtScripts(directory);
      assert.match(code, /cover-offers/);
      assert.equal(code.match(/litHtmlVersions/g)?.length ?? 0, 1, 'Lit bundled once');
      if (app === 'react-app') assert.match(code, /cover-device-change/, 'the React wrapper listens for cover-device-change');
    });
  }
});
