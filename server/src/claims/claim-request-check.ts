/**
 * Checks a claim request against what the provider said a claim needs (its claim options):
 * the type it takes, the fields it requires, an issue it lists, a slot it offered.
 */
import type { ClaimFileField, ClaimOptions, CreateClaimRequest } from '../../../contract/claims.ts';
import { readPath, type FieldError } from '../../../contract/schemas.ts';
import { ClaimConflict, ClaimFieldsInvalid } from './claim-errors.ts';

export function checkClaimRequest(options: ClaimOptions, request: CreateClaimRequest, files: ReadonlySet<ClaimFileField>): void {
  const fields: FieldError[] = [];
  if (!options.types.includes(request.type))
    fields.push({ path: 'type', message: `This plan takes claims for: ${options.types.join(', ').replaceAll('_', ' ')}` });
  for (const required of options.requires) {
    if (required.startsWith('files.')) {
      if (!files.has(required.slice('files.'.length) as ClaimFileField)) fields.push({ path: required, message: 'Attach this image' });
      continue;
    }
    const value = readPath(request, required);
    if (value === undefined || value === null || value === '') fields.push({ path: required, message: 'Required for this plan' });
  }
  if (request.issue !== undefined && !options.issues.some((issue) => issue.code === request.issue))
    fields.push({ path: 'issue', message: 'Pick one of the listed issues' });
  if (fields.length > 0) throw new ClaimFieldsInvalid(fields);
  const appointment = request.appointment;
  if (appointment) {
    const offered = options.slots.find((slot) => slot.code === appointment.code);
    const same = offered && offered.date === appointment.date && offered.from === appointment.from && offered.to === appointment.to;
    if (!same) throw new ClaimConflict('slot_unavailable', 'This slot is no longer available. Pick another one.');
  }
}
