/**
 * A simulator of Octamile's one-endpoint API, built from
 * /work/shared/providers/octamile-device-warranty.txt. Every answer is HTTP 200 with
 * `exctnFdbck.id` 35 (busy), 55 (error) or 75 (done). The doc has no code for a bad
 * request or bad credentials, so the sandbox answers those 55, with a `sandboxNote` saying why.
 *
 * Triggers (consumer last name, case-insensitive): `Busy` — the first insure answers 35,
 * then 75; `Swamped` — insure always answers 35; `Broken` — insure answers 55;
 * `Declined` — the review declines the cover; `Document` — the certificate is a PDF (else PNG).
 * Product `phnn-flx2-3535` answers each premium request 35 once, then 75.
 */
import { Hono, type Context } from 'hono';
import type { SandboxState } from '../sandbox-state.ts';
import { createOctamileState, lowerAlphanumeric, PRODUCT_PROFILES } from './octamile-sandbox-state.ts';

export interface OctamileSandboxOptions {
  customerId: string;
  authorizationId: string;
  authorizationKey: string;
  /** How long after a valid video the review decides. */
  reviewDelayMs?: number;
  /** Where consumers and covers are kept across restarts. */
  state?: SandboxState;
}

const PRODUCT = '([a-z0-9]{4}-[a-z0-9]{4}-\\d{4})';
const ID32 = '([a-z0-9]{32})';
const COMMANDS = {
  premium: new RegExp(`^dump ipck_${PRODUCT}\\*PRMM$`),
  profile: /^prfl entity$/,
  insure: new RegExp(`^entt_${ID32}: insure$`),
  activate: new RegExp(`^entt_${ID32}\\|insr_${PRODUCT}-${ID32}\\*VVNN: updt$`),
  status: new RegExp(`^dump entt_${ID32}\\|insr_${PRODUCT}-${ID32}\\*STATUS$`),
};
const PHONE = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Seed = Record<string, unknown>;
const text = (value: unknown, max = 100): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

export function createOctamileSandbox({
  customerId,
  authorizationId,
  authorizationKey,
  reviewDelayMs = 3000,
  state: stateFile,
}: OctamileSandboxOptions): Hono {
  const state = createOctamileState({ reviewDelayMs, state: stateFile });
  const answer = (context: Context, outcome: '35' | '55' | '75', fields: Record<string, unknown> = {}) =>
    context.json({ exctnFdbck: { id: outcome }, ...fields }, 200);
  const refuse = (context: Context, sandboxNote: string) => answer(context, '55', { sandboxNote });

  return new Hono().post('/', async (context) => {
    let body: { userInfo?: { id?: unknown; athrzt?: { id?: unknown; key?: unknown } }; cmmnd?: { cmmnd?: unknown; seed?: Seed } };
    try {
      body = JSON.parse(await context.req.text());
    } catch {
      return refuse(context, 'body is not JSON');
    }
    const command = typeof body?.cmmnd?.cmmnd === 'string' ? body.cmmnd.cmmnd : '';
    const seed: Seed = body?.cmmnd?.seed && typeof body.cmmnd.seed === 'object' ? body.cmmnd.seed : {};
    const user = body?.userInfo;
    const authorized = user?.id === customerId && user.athrzt?.id === authorizationId && user.athrzt?.key === authorizationKey;
    // The doc's activation example sends `"userInfo": {"id": "indv"}` without authorization.
    const individual = user?.id === 'indv' && COMMANDS.activate.test(command);
    if (!authorized && !individual) return refuse(context, 'userInfo is not recognised');

    let match = COMMANDS.premium.exec(command);
    if (match) {
      const profile = PRODUCT_PROFILES[match[1]!];
      if (!profile) return refuse(context, 'unknown product');
      const premium = typeof seed.insrncDrtn === 'string' ? profile[seed.insrncDrtn] : undefined;
      if (premium === undefined) return refuse(context, `insrncDrtn must be one of ${Object.keys(profile).join(', ')}`);
      if (match[1] === 'phnn-flx2-3535' && state.busyOnce(`premium:${seed.insrncDrtn}`)) return answer(context, '35');
      return answer(context, '75', { prmm: String(premium) });
    }

    if (COMMANDS.profile.test(command)) {
      const name = seed.name as { first?: unknown; last?: unknown } | undefined;
      if (seed.type !== 's' || seed.class !== 'h') return refuse(context, 'type must be "s" and class "h"');
      if (!text(name?.first) || !text(name?.last)) return refuse(context, 'name.first and name.last are required');
      if (typeof seed.phoneNo !== 'string' || !PHONE.test(seed.phoneNo))
        return refuse(context, 'phoneNo must be in international format, beginning with +');
      if (typeof seed.eMail !== 'string' || !EMAIL.test(seed.eMail)) return refuse(context, 'eMail is not valid');
      return answer(context, '75', {
        id: state.addConsumer({ first: name.first, last: name.last, phoneNo: seed.phoneNo, eMail: seed.eMail }),
      });
    }

    if ((match = COMMANDS.insure.exec(command))) {
      const consumerId = match[1]!;
      const consumer = state.consumers.get(consumerId);
      if (!consumer) return refuse(context, 'unknown consumer');
      const product = `${seed.ctgry}-${seed.type}-${seed.pckg}`;
      const profile = PRODUCT_PROFILES[product];
      if (!profile) return refuse(context, 'unknown ctgry/type/pckg');
      if (typeof seed.id !== 'string' || !/^[a-z0-9]{32}$/.test(seed.id))
        return refuse(context, 'id must be 32 lowercase letters or digits');
      const facts = (seed.addtnlFact ?? {}) as Seed;
      if (!text(facts.brand, 60) || !text(facts.model, 80) || !text(facts.uIdnt, 40))
        return refuse(context, 'addtnlFact.brand, model and uIdnt are required');
      if (seed.insrncDrtn !== undefined && (typeof seed.insrncDrtn !== 'string' || !(seed.insrncDrtn in profile)))
        return refuse(context, 'insrncDrtn is not offered for this product');
      const last = consumer.last.toLowerCase();
      if (last === 'broken') return answer(context, '55');
      if (last === 'swamped' || (last === 'busy' && state.busyOnce(`insure:${consumerId}`))) return answer(context, '35');
      const existing = state.covers.get(seed.id);
      if (existing && existing.consumerId !== consumerId) return refuse(context, 'id is already used by another consumer');
      // The same transaction reference again is the same purchase: answered as the first time.
      const cover = existing ?? {
        id: seed.id,
        consumerId,
        product,
        period: String(seed.insrncDrtn ?? Object.keys(profile)[0]),
        brand: facts.brand,
        model: facts.model,
        imei: facts.uIdnt,
        activationCode: lowerAlphanumeric(8).toUpperCase(),
        videoAt: null,
      };
      state.covers.set(cover.id, cover);
      state.save();
      return answer(context, '75', seed.dontSendActivationCode === true ? { activationCode: cover.activationCode } : {});
    }

    if ((match = COMMANDS.activate.exec(command))) {
      const cover = state.covers.get(match[3]!);
      if (!cover || cover.consumerId !== match[1] || cover.product !== match[2]) return refuse(context, 'unknown cover');
      const consumer = state.consumers.get(cover.consumerId)!;
      const name = seed.name;
      if (!Array.isArray(name) || name.length !== 2 || !name.every((part) => text(part)))
        return refuse(context, 'name must be [first, last]');
      if (typeof seed.phoneNo !== 'string' || !PHONE.test(seed.phoneNo) || seed.eMail !== consumer.eMail)
        return refuse(context, 'phoneNo or eMail does not match the consumer');
      if (seed.imei !== cover.imei || seed.policyID !== cover.id) return refuse(context, 'imei or policyID does not match the cover');
      if (seed.policyActivationCode !== cover.activationCode) return refuse(context, 'wrong policyActivationCode');
      if (typeof seed.verificationVideo !== 'string' || !BASE64.test(seed.verificationVideo))
        return refuse(context, 'verificationVideo must be base64');
      cover.videoAt ??= Date.now();
      state.save();
      return answer(context, '75');
    }

    if ((match = COMMANDS.status.exec(command))) {
      const cover = state.covers.get(match[3]!);
      if (!cover || cover.consumerId !== match[1] || cover.product !== match[2]) return refuse(context, 'unknown cover');
      return answer(context, '75', state.statusOf(cover));
    }

    return refuse(context, 'unknown command');
  });
}
