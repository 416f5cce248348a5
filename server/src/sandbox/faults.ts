/**
 * Fault injection for the sandboxes, so tests and sales demos can show what happens when
 * a provider is slow, down, rate-limited, or answers garbage. Only mounted in sandbox mode.
 */
import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';

const faultSchema = z.discriminatedUnion('kind', [
  /** Answers late (the provider is slow). */
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(0).max(120_000) }),
  /** Does the work, then answers too late: the caller times out though the provider acted. */
  z.object({ kind: z.literal('commit_then_hang'), ms: z.number().int().min(0).max(120_000) }),
  /** Closes the connection without an answer (after holding the request `afterMs`, without acting on it). */
  z.object({ kind: z.literal('reset'), afterMs: z.number().int().min(0).max(120_000).optional() }),
  /** Answers with this status and a JSON error body. */
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfterSeconds: z.number().int().min(0).optional(),
  }),
  /** Answers 502 with an HTML page, as a proxy in front of a dead server does. */
  z.object({ kind: z.literal('html') }),
  /** Does the work, then answers with these top-level JSON fields changed (a bind charging another price). */
  z.object({ kind: z.literal('rewrite'), set: z.record(z.string(), z.unknown()) }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const faultRuleSchema = z.object({
  provider: z.string().min(1),
  /** Only requests whose path (below the sandbox mount) starts with this. */
  pathPrefix: z.string().default('/'),
  fault: faultSchema,
  /** How many requests it applies to; unset: until cleared. */
  times: z.number().int().min(1).optional(),
  /** Matching requests let through untouched before it applies (one endpoint, several commands: Octamile). */
  skip: z.number().int().min(1).optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export class FaultPlan {
  #rules: FaultRule[] = [];
  readonly #listeners: (() => void)[] = [];

  /** Called whenever rules are added or cleared (the quote cache forgets what it knew). */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  add(rule: FaultRule): void {
    this.#rules.push({ ...rule });
    for (const listener of this.#listeners) listener();
  }

  clear(provider?: string): void {
    const before = this.#rules.length;
    this.#rules = provider ? this.#rules.filter((rule) => rule.provider !== provider) : [];
    // Clearing nothing changes nothing: the demo clears on every page load, and each
    // notification empties the quote cache, so every shopper's quote went to the sandboxes.
    if (this.#rules.length === before) return;
    for (const listener of this.#listeners) listener();
  }

  list(): readonly FaultRule[] {
    return this.#rules;
  }

  /** The fault for this request, counting it against the rule's `times`. */
  take(provider: string, path: string): Fault | null {
    const rule = this.#rules.find((candidate) => candidate.provider === provider && path.startsWith(candidate.pathPrefix));
    if (!rule) return null;
    if (rule.skip !== undefined && rule.skip-- > 0) return null;
    if (rule.times !== undefined && --rule.times <= 0) this.#rules = this.#rules.filter((candidate) => candidate !== rule);
    return rule.fault;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Middleware in front of one sandbox; `mount` is where that sandbox is mounted. */
export function injectFaults({ plan, provider, mount }: { plan: FaultPlan; provider: string; mount: string }): MiddlewareHandler {
  return async function injectFault(context, next) {
    const fault = plan.take(provider, context.req.path.slice(mount.length) || '/');
    if (!fault) return next();
    switch (fault.kind) {
      case 'delay':
        await sleep(fault.ms);
        return next();
      case 'commit_then_hang':
        await next();
        await sleep(fault.ms);
        return;
      case 'reset': {
        if (fault.afterMs) await sleep(fault.afterMs);
        const incoming = (context.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming;
        incoming?.socket?.destroy();
        return context.body(null, 500);
      }
      case 'status':
        if (fault.retryAfterSeconds !== undefined) context.header('Retry-After', String(fault.retryAfterSeconds));
        return context.json({ error: 'Injected fault', message: `Sandbox answered ${fault.status} on purpose` }, fault.status as 500);
      case 'html':
        return context.html('<html><body><h1>502 Bad Gateway</h1></body></html>', 502);
      case 'rewrite': {
        await next();
        const body = (await context.res.clone().json()) as Record<string, unknown>;
        const headers = new Headers(context.res.headers);
        headers.delete('content-length');
        context.res = new Response(JSON.stringify({ ...body, ...fault.set }), { status: context.res.status, headers });
        return;
      }
    }
  };
}

/** `POST /sandbox/_faults` adds a rule; `DELETE` clears them; `GET` lists them. */
export function faultControlRoutes(plan: FaultPlan) {
  return new Hono()
    .get('/', (context) => context.json({ rules: plan.list() }))
    .post('/', async (context) => {
      const parsed = faultRuleSchema.safeParse(await context.req.json().catch(() => null));
      if (!parsed.success) return context.json({ error: 'invalid fault rule', issues: parsed.error.issues }, 400);
      plan.add(parsed.data);
      return context.json({ rules: plan.list() }, 201);
    })
    .delete('/', (context) => {
      plan.clear(context.req.query('provider'));
      return context.json({ rules: plan.list() });
    });
}
