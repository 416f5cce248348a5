/** Serves built files (the widget bundle, the demo) from a folder, with no path escapes. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context, Hono } from 'hono';

export const repositoryRoot = path.resolve(fileURLToPath(import.meta.url), '../../..');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export async function sendFile(context: Context, directory: string, relativePath: string, headers: Record<string, string> = {}) {
  const root = path.resolve(directory);
  const file = path.resolve(root, `.${path.posix.normalize(`/${relativePath}`)}`);
  if (!file.startsWith(root + path.sep)) return context.notFound();
  try {
    const content = await readFile(file);
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return context.body(content, 200, { 'Content-Type': type, ...headers });
  } catch {
    return context.notFound();
  }
}

/** Versioned (`coverkit-0.1.0…`) or content-hashed (`…-B746wUOB.js`) files never change. */
export const IMMUTABLE_WIDGET_FILE = /^coverkit-\d+\.\d+\.\d+[^/]*\.js(\.map)?$|-[A-Za-z0-9_-]{8}\.js(\.map)?$/;

/** The built widget at `/widget/<file>`, embeddable from any origin. */
export function mountWidgetFiles(app: Hono) {
  app.get('/widget/:file{.+}', (context) => {
    const file = context.req.param('file');
    return sendFile(context, path.join(repositoryRoot, 'dist/widget'), file, {
      // The widget is embedded from other origins: CORS and CORP must allow it.
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Cache-Control': IMMUTABLE_WIDGET_FILE.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    });
  });
}
