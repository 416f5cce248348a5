/**
 * The import-boundary check itself: it passes on the repository and names each import that
 * crosses a boundary in a small tree built to break every rule once.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { findViolations } from '../../scripts/check-boundaries.mjs';

describe('import boundaries', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'coverkit-boundaries-'));
  after(() => rmSync(base, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    writeFileSync(path.join(base, file), text);
  };

  it('holds on this repository', () => {
    assert.deepEqual(findViolations(), []);
  });

  it('names every import that crosses a boundary, and allows the composition root to mount the demo', () => {
    write('contract/schemas.ts', "import { z } from 'zod';\nimport { x } from '../server/src/config.ts';\n");
    write(
      'server/src/routes/quotes.ts',
      "import { schema } from '../../../contract/schemas.ts';\nimport type { Offer } from '../../../widget/src/api/client.ts';\n",
    );
    write('server/src/app.ts', "export { createDemoMerchantRoutes } from '../../demo/merchant-routes.ts';\n");
    write('server/src/index.ts', "import { createDemoMerchantRoutes } from '../../demo/merchant-routes.ts';\n");
    write('server/src/store/types.ts', "import type { QuotedOffer } from '../providers/types.ts';\n");
    write('widget/src/index.ts', "const lazy = () => import('../../server/src/config.ts');\n");
    assert.deepEqual(findViolations(base).sort(), [
      'contract/schemas.ts imports ../server/src/config.ts (contract/ imports nothing of ours)',
      'server/src/app.ts imports ../../demo/merchant-routes.ts (server/ never imports widget/ or demo/)',
      'server/src/routes/quotes.ts imports ../../../widget/src/api/client.ts (server/ never imports widget/ or demo/)',
      'server/src/store/types.ts imports ../providers/types.ts (the store never imports providers)',
      'widget/src/index.ts imports ../../server/src/config.ts (widget/ never imports server/ or demo/)',
    ]);
  });

  it('keeps the operator console and the server apart: HTTP only', () => {
    const consoleBase = mkdtempSync(path.join(tmpdir(), 'coverkit-boundaries-console-'));
    try {
      const put = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(consoleBase, file)), { recursive: true });
        writeFileSync(path.join(consoleBase, file), text);
      };
      put('server/src/static-files.ts', "import { CkConsole } from '../../console/src/ck-console.ts';\n");
      put('console/src/ck-console.ts', "import type { OperatorOrder } from '../../server/src/operator/present-operator-order.ts';\n");
      assert.deepEqual(findViolations(consoleBase).sort(), [
        'console/src/ck-console.ts imports ../../server/src/operator/present-operator-order.ts (console/ talks to the server over HTTP only)',
        'server/src/static-files.ts imports ../../console/src/ck-console.ts (server/ never imports console/ (it serves its built files))',
      ]);
    } finally {
      rmSync(consoleBase, { recursive: true, force: true });
    }
  });
});
