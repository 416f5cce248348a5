/**
 * What the shopper has entered for a claim, the steps it needs (from claim-options'
 * `requires`), and the checks each step makes before moving on. Kept apart from the
 * element so every rule is testable and the retry can resend exactly this.
 */
import type { ClaimOptions, ClaimRequest } from '../../api/claim-types.ts';
import type { Translate } from '../../internal/localize.ts';

export type ClaimStep = 'what' | 'details' | 'files' | 'slot' | 'review';
export type FileField = 'invoice' | 'photo';

export interface ClaimDraft {
  type: string;
  issue: string;
  date: string;
  description: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string; country: string };
  slot: string;
  files: Partial<Record<FileField, File>>;
}

export const acceptedImageTypes = ['image/jpeg', 'image/png', 'image/webp'];
export const maximumFileBytes = 10 * 1024 * 1024;

export function emptyDraft(country: string): ClaimDraft {
  return {
    type: '',
    issue: '',
    date: '',
    description: '',
    address: { line1: '', line2: '', city: '', state: '', postalCode: '', country },
    slot: '',
    files: {},
  };
}

export function requiredFiles(options: ClaimOptions): FileField[] {
  return (['invoice', 'photo'] as const).filter((field) => options.requires.includes(`files.${field}`));
}

export function stepsFor(options: ClaimOptions): ClaimStep[] {
  const steps: ClaimStep[] = ['what', 'details'];
  if (requiredFiles(options).length > 0) steps.push('files');
  if (options.slots.length > 0 || options.requires.includes('appointment')) steps.push('slot');
  steps.push('review');
  return steps;
}

/** Today in the shopper's time zone, as `YYYY-MM-DD` (the latest date an incident can have). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A file the server would refuse is refused here, before any byte is sent. */
export function checkFile(file: File, t: Translate): string {
  if (!acceptedImageTypes.includes(file.type)) return t('claim.file-type', 'Choose a JPEG, PNG or WEBP picture.');
  if (file.size > maximumFileBytes) return t('claim.file-size', 'This file is larger than 10 MB. Choose a smaller picture.');
  return '';
}

/** Errors by field id for one step; empty when the shopper may go on. */
export function checkStep(step: ClaimStep, draft: ClaimDraft, options: ClaimOptions, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  const need = (id: string, value: string, message: string) => {
    if (!value.trim()) errors[id] = message;
  };
  if (step === 'what') {
    need('type', draft.type, t('claim.need-type', 'Choose what happened.'));
    if (options.issues.length > 0) need('issue', draft.issue, t('claim.need-issue', 'Choose the problem.'));
  }
  if (step === 'details') {
    need('date', draft.date, t('claim.need-date', 'Enter the date it happened.'));
    if (draft.date && draft.date > today()) errors['date'] = t('claim.future-date', 'The date cannot be in the future.');
    if (draft.description.trim().length < 10)
      errors['description'] = t('claim.need-description', 'Describe what happened in a few words (at least 10 characters).');
    if (options.requires.includes('address')) {
      need('line1', draft.address.line1, t('claim.need-line1', 'Enter the street address.'));
      need('city', draft.address.city, t('claim.need-city', 'Enter the city.'));
      need('state', draft.address.state, t('claim.need-state', 'Enter the state.'));
      need('postalCode', draft.address.postalCode, t('claim.need-postal-code', 'Enter the PIN or postal code.'));
    }
  }
  if (step === 'files') {
    for (const field of requiredFiles(options)) {
      const file = draft.files[field];
      if (!file)
        errors[field] =
          field === 'invoice'
            ? t('claim.need-invoice', 'Add a picture of the purchase invoice.')
            : t('claim.need-photo', 'Add a photo of the damage.');
      else if (checkFile(file, t)) errors[field] = checkFile(file, t);
    }
  }
  if (step === 'slot') need('slot', draft.slot, t('claim.need-slot', 'Choose a time for the visit.'));
  return errors;
}

/** The `claim` part of POST /v1/orders/{id}/claims, with only what this provider asks for. */
export function claimRequest(draft: ClaimDraft, options: ClaimOptions): ClaimRequest {
  const request: ClaimRequest = {
    type: draft.type as ClaimRequest['type'],
    incident: { date: draft.date, description: draft.description.trim() },
  };
  if (options.issues.length > 0 && draft.issue) request.issue = draft.issue;
  const slot = options.slots.find((candidate) => candidate.code === draft.slot);
  if (slot) request.appointment = { code: slot.code, date: slot.date, from: slot.from, to: slot.to };
  if (options.requires.includes('address')) {
    const { line2, ...address } = draft.address;
    request.address = line2.trim() ? { ...address, line2 } : address;
  }
  return request;
}
