/**
 * Serves built files (the widget bundle, the demo) from a folder, with no path escapes. The
 * build writes `.br` and `.gz` beside each file (scripts/precompress.mjs): a request gets the
 * best one its `Accept-Encoding` allows, and each variant its own strong ETag.
 */
import { createHash } from 'node:crypto';
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

/** Precompressed variants, preferred in this order when the client weighs them equally. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** The encodings `Accept-Encoding` allows (q > 0), best first; identity is always the fallback. */
export function acceptedEncodings(header: string | undefined): string[] {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  return ENCODINGS.map(({ name }) => name)
    .filter((name) => weight(name) > 0)
    .sort((left, right) => weight(right) - weight(left));
}

/** A file's bytes as sent, and the encoding they are in (none: identity). */
interface Variant {
  content: Uint8Array<ArrayBuffer>;
  encoding?: string;
}

function etagOf(content: Uint8Array): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** `If-None-Match` compares weakly (RFC 9110 13.1.2): a `W/` prefix still matches. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

async function readVariant(file: string, acceptEncoding: string | undefined): Promise<Variant> {
  for (const name of acceptedEncodings(acceptEncoding)) {
    const { suffix } = ENCODINGS.find((encoding) => encoding.name === name)!;
    try {
      return { content: await readFile(file + suffix), encoding: name };
    } catch {
      // No precompressed variant of this file (a page outside dist/): try the next.
    }
  }
  return { content: await readFile(file) };
}

export async function sendFile(context: Context, directory: string, relativePath: string, headers: Record<string, string> = {}) {
  const root = path.resolve(directory);
  const file = path.resolve(root, `.${path.posix.normalize(`/${relativePath}`)}`);
  if (!file.startsWith(root + path.sep)) return context.notFound();
  let variant: Variant;
  try {
    variant = await readVariant(file, context.req.header('Accept-Encoding'));
  } catch {
    return context.notFound();
  }
  const etag = etagOf(variant.content);
  // Caches keep one copy per encoding, and a 304 carries what the 200 would have.
  const common = { ...headers, Vary: 'Accept-Encoding', ETag: etag };
  if (matches(context.req.header('If-None-Match'), etag)) return context.body(null, 304, common);
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  return context.body(variant.content, 200, {
    'Content-Type': type,
    ...(variant.encoding ? { 'Content-Encoding': variant.encoding } : {}),
    ...common,
  });
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

/** Who may frame or feed the console page: nobody else (it holds the operator token in sessionStorage). */
const CONSOLE_PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** The operator console: its page at `/console` and its built script under `/console/app/`. */
export function mountConsoleFiles(app: Hono) {
  const page = (context: Context) => sendFile(context, path.join(repositoryRoot, 'console'), 'index.html', CONSOLE_PAGE_HEADERS);
  app.get('/console', page);
  app.get('/console/', page);
  app.get('/console/app/:file{.+}', (context) =>
    sendFile(context, path.join(repositoryRoot, 'dist/console'), context.req.param('file'), { 'Cache-Control': 'no-cache' }),
  );
}
