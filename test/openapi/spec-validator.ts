/**
 * Holds real /v1 responses to the OpenAPI document: the status must be listed for the
 * operation, the content type documented, the JSON body valid (ajv) and the documented
 * headers present. Records which operations were seen, so a test can ask for all of them.
 */
import assert from 'node:assert/strict';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** OpenAPI 3.0 schema objects → JSON Schema draft-07: `nullable`, boolean exclusive bounds, refs. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, example: _example, ...rest } = node as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string') converted.$ref = value.replace(/^#/, 'openapi.json#');
    else converted[key] = toJsonSchema(value);
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (converted[flag] === true) {
      converted[flag] = converted[bound];
      delete converted[bound];
    } else if (converted[flag] === false) delete converted[flag];
  }
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

export interface SpecResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined for a binary one. */
  body: unknown;
}

export function createSpecValidator(document: Json) {
  const ajv = new Ajv({ strict: false, allErrors: true, multipleOfPrecision: 6 });
  addFormats(ajv);
  const components = document.components as Json;
  ajv.addSchema({ $id: 'openapi.json', components: { schemas: toJsonSchema(components.schemas) } });
  const compiled = new Map<string, ValidateFunction>();
  const seen = new Set<string>();

  const resolve = (value: Json): Json => {
    const reference = value.$ref as string | undefined;
    if (!reference) return value;
    const target = reference
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
    return resolve(target as Json);
  };

  function operation(method: string, path: string): Json {
    const item = (document.paths as Json)[path] as Json | undefined;
    const found = item?.[method.toLowerCase()] as Json | undefined;
    assert.ok(found, `${method} ${path} is not in the document`);
    return found;
  }

  return {
    /** Every operation as `operationId`, from the document. */
    operationIds(): string[] {
      return Object.values(document.paths as Json).flatMap((item) =>
        Object.values(item as Json).map((op) => (op as Json).operationId as string),
      );
    },
    seen,
    check(method: string, path: string, response: SpecResponse) {
      const op = operation(method, path);
      const label = `${method} ${path} → ${response.status}`;
      const documented = (op.responses as Json)[String(response.status)] as Json | undefined;
      assert.ok(documented, `${label} is not documented (body ${JSON.stringify(response.body)})`);
      const answer = resolve(documented);
      for (const [name, header] of Object.entries((answer.headers ?? {}) as Json)) {
        const value = response.headers.get(name);
        if (name === 'X-Request-Id') assert.ok(value, `${label}: no ${name} header`);
        const schema = resolve(header as Json).schema as Json;
        if (value !== null && schema.enum) assert.ok((schema.enum as string[]).includes(value), `${label}: ${name}: ${value}`);
      }
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const content = (answer.content ?? {}) as Json;
      assert.ok(content[contentType], `${label}: content type ${contentType} is not documented (${Object.keys(content).join(', ')})`);
      if (contentType === 'application/json') {
        const key = `${method} ${path} ${response.status}`;
        let validate = compiled.get(key);
        if (!validate) {
          validate = ajv.compile(toJsonSchema((content[contentType] as Json).schema) as Json);
          compiled.set(key, validate);
        }
        assert.ok(validate(response.body), `${label}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(response.body, null, 2)}`);
      }
      seen.add(op.operationId as string);
    },
  };
}
