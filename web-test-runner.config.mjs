/**
 * Widget tests in headless Chromium (`npx wtr`). The esbuild plugin is given the
 * tsconfig so Lit's decorators compile as experimentalDecorators, like the build.
 */
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_FLAGS, findChromium } from './scripts/find-chromium.mjs';

export default {
  files: 'widget/src/**/*.test.ts',
  nodeResolve: true,
  // Later steps load as separate modules (as in production), and the first import of
  // zod/mini through the dev server takes a moment.
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      // The same binary and flags as the end-to-end tests (scripts/find-chromium.mjs).
      launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    }),
  ],
};
