/** The Octamile response fields we read. Every answer is HTTP 200; `exctnFdbck.id` says what happened. */
import { z } from 'zod';

export const OUTCOME = { busy: '35', error: '55', ok: '75' } as const;

export const octamileOutcomeSchema = z.object({ exctnFdbck: z.object({ id: z.coerce.string() }) });

export const octamilePremiumSchema = z.object({ prmm: z.coerce.number().positive() });
export const octamileConsumerSchema = z.object({ id: z.string().regex(/^[a-z0-9]{16,64}$/) });
export const octamileInsureSchema = z.object({ activationCode: z.string().min(1).max(64).optional() });
export const octamileStatusSchema = z.object({
  status: z.enum(['p', 'd', 'a']),
  crtfct: z.string().optional(),
  tmstmp: z.string().optional(),
});
export type OctamileStatus = z.infer<typeof octamileStatusSchema>;

/** The body every command shares: our customer id and authorization, then the command. */
export interface OctamileRequest {
  userInfo: { id: string; athrzt: { id: string; key: string } };
  cmmnd: { cmmnd: string; seed?: Record<string, unknown> };
}
