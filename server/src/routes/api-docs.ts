/**
 * `GET /v1/docs`: the OpenAPI document as one readable HTML page, rendered here at start —
 * no script, no CDN, so it works offline and under a strict CSP.
 */
import { Hono } from 'hono';
import { buildOpenApiDocument } from './openapi.ts';

// The document is plain JSON built in openapi.ts; its shape is checked by Redocly, not here.
type Json = Record<string, any>;

const escapeHtml = (text: unknown) => String(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
/** Backticked words in descriptions become <code>; everything else is escaped. */
const prose = (text: unknown) => (text ? escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>') : '');
const refName = (reference: string) => reference.split('/').pop()!;
const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function typeOf(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) return `<a href="#${anchor('schema', refName(schema.$ref))}">${escapeHtml(refName(schema.$ref))}</a>`;
  if (schema.allOf?.length === 1) return typeOf(schema.allOf[0]) + (schema.nullable ? ' | null' : '');
  let type: string = schema.enum
    ? schema.enum.map((value: unknown) => `<code>${escapeHtml(JSON.stringify(value))}</code>`).join(' | ')
    : schema.type === 'array'
      ? `${typeOf(schema.items)}[]`
      : schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object'
        ? `{ [key]: ${typeOf(schema.additionalProperties)} }`
        : escapeHtml(schema.type ?? 'any');
  if (schema.format) type += ` <small>(${escapeHtml(schema.format)})</small>`;
  return schema.nullable ? `${type} | null` : type;
}

function constraints(schema: Json): string {
  const keys = ['minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'pattern'];
  const parts = keys.filter((key) => schema[key] !== undefined).map((key) => `${key}: ${schema[key]}`);
  if (schema.exclusiveMinimum === true) parts.push('exclusive minimum');
  return parts.map((part) => `<code>${escapeHtml(part)}</code>`).join(' ');
}

function propertiesTable(schema: Json, prefix = ''): string {
  const required = new Set<string>(schema.required ?? []);
  const rows = Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, property]) => {
    const nested = property.type === 'object' && property.properties ? propertiesTable(property, `${prefix}${name}.`) : '';
    const items = property.type === 'array' && property.items?.properties ? propertiesTable(property.items, `${prefix}${name}[].`) : '';
    return (
      `<tr><td><code>${escapeHtml(prefix + name)}</code>${required.has(name) ? '' : ' <small>optional</small>'}</td>` +
      `<td>${typeOf(property)}</td><td>${constraints(property)} ${prose(property.description)}</td></tr>${nested}${items}`
    );
  });
  if (prefix) return rows.join('');
  return rows.length ? `<table><tr><th>field</th><th>type</th><th>notes</th></tr>${rows.join('')}</table>` : '';
}

function renderOperation(document: Json, route: string, method: string, operation: Json): string {
  const security: Json[] = operation.security ?? document.security;
  const auth = security.length
    ? security.map((option) => Object.keys(option).join(' + ')).join(' <em>or</em> ')
    : 'none (signature or public)';
  const parameters = (operation.parameters ?? []).map((parameter: Json) => {
    const resolved = parameter.$ref ? document.components.parameters[refName(parameter.$ref)] : parameter;
    return `<li><code>${escapeHtml(resolved.name)}</code> (${escapeHtml(resolved.in)}${resolved.required ? ', required' : ''}) ${prose(resolved.description)}</li>`;
  });
  const requestContent = operation.requestBody?.content ?? {};
  const request = Object.entries(requestContent as Record<string, Json>)
    .map(([type, media]) => `<p>Body <code>${escapeHtml(type)}</code>: ${typeOf(media.schema)}</p>`)
    .join('');
  const responses = Object.entries(operation.responses as Record<string, Json>).map(([status, response]) => {
    const resolved = response.$ref ? document.components.responses[refName(response.$ref)] : response;
    const types = Object.entries((resolved.content ?? {}) as Record<string, Json>)
      .map(([type, media]) => `<code>${escapeHtml(type)}</code> ${typeOf(media.schema)}`)
      .join(', ');
    return `<tr><td><b>${escapeHtml(status)}</b></td><td>${types}</td><td>${prose(resolved.description)}</td></tr>`;
  });
  return `<section id="${anchor('op', operation.operationId)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(route)}</code></h3>
<p>${prose(operation.summary)}${operation.description ? ` ${prose(operation.description)}` : ''}</p>
<p><small>operationId <code>${escapeHtml(operation.operationId)}</code> · key: ${escapeHtml(auth)}</small></p>
${parameters.length ? `<ul>${parameters.join('')}</ul>` : ''}${request}
<table><tr><th>status</th><th>body</th><th>meaning</th></tr>${responses.join('')}</table></section>`;
}

export function renderApiDocs(document: Json = buildOpenApiDocument()): string {
  const operations = Object.entries(document.paths as Record<string, Json>).flatMap(([route, item]) =>
    Object.entries(item as Record<string, Json>).map(([method, operation]) => ({ route, method, operation })),
  );
  const sections = (document.tags as Json[]).map((tag) => {
    const inTag = operations.filter(({ operation }) => operation.tags.includes(tag.name));
    return `<h2 id="${anchor('tag', tag.name)}">${escapeHtml(tag.name)}</h2><p>${prose(tag.description)}</p>${inTag
      .map(({ route, method, operation }) => renderOperation(document, route, method, operation))
      .join('')}`;
  });
  const schemas = Object.entries(document.components.schemas as Record<string, Json>).map(
    ([name, schema]) =>
      `<section id="${anchor('schema', name)}"><h3>${escapeHtml(name)}</h3><p>${prose(schema.description)}</p>${propertiesTable(schema) || `<p>${typeOf(schema)}</p>`}</section>`,
  );
  const schemes = Object.entries(document.components.securitySchemes as Record<string, Json>).map(
    ([name, scheme]) => `<li><b>${escapeHtml(name)}</b>: ${prose(scheme.description)}</li>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} reference</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2329; }
code { font: 13px ui-monospace, monospace; background: #f2f4f6; padding: 0 .2em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } @media (max-width: 40rem) { table { display: block; overflow-x: auto; } td code { word-break: break-word; } } td, th { border: 1px solid #d9dee3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
section { border-top: 1px solid #d9dee3; margin-top: 1rem; } .method { font-weight: 700; } .post { color: #0a6b32; } .get { color: #0b57a4; }
nav a { margin-right: .8rem; }
</style></head><body>
<h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${prose(document.info.description)}</p>
<p>Machine-readable: <a href="openapi.json">/v1/openapi.json</a> (OpenAPI ${escapeHtml(document.openapi)}).</p>
<nav>${(document.tags as Json[]).map((tag) => `<a href="#${anchor('tag', tag.name)}">${escapeHtml(tag.name)}</a>`).join('')}<a href="#schemas">Schemas</a></nav>
<h2>Keys</h2><ul>${schemes.join('')}</ul>
${sections.join('\n')}
<h2 id="schemas">Schemas</h2>
${schemas.join('\n')}
</body></html>`;
}

export function apiDocsRoutes() {
  const page = renderApiDocs();
  return new Hono().get('/', (context) => {
    context.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    return context.html(page);
  });
}
