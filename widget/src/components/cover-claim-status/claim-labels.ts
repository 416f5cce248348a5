/** Shopper words for claim types and statuses (ids from DESIGN.md), shared by the claim elements. */
import type { Translate } from '../../internal/localize.ts';

export function claimTypeLabel(type: string, t: Translate): string {
  switch (type) {
    case 'accidental_damage':
      return t('claim.type-accidental', 'Accidental damage (dropped, cracked)');
    case 'liquid_damage':
      return t('claim.type-liquid', 'Liquid damage');
    case 'breakdown':
      return t('claim.type-breakdown', 'Stopped working (breakdown)');
    case 'screen_damage':
      return t('claim.type-screen', 'Screen damage');
    case 'theft':
      return t('claim.type-theft', 'Stolen');
    default:
      return type.replace(/_/g, ' ');
  }
}

export function claimStatusLabel(status: string, t: Translate): string {
  switch (status) {
    case 'submitted':
      return t('claim.status-submitted', 'Submitted');
    case 'in_review':
      return t('claim.status-in-review', 'Being reviewed');
    case 'approved':
      return t('claim.status-approved', 'Approved');
    case 'rejected':
      return t('claim.status-rejected', 'Not approved');
    case 'scheduled':
      return t('claim.status-scheduled', 'Visit booked');
    case 'in_repair':
      return t('claim.status-in-repair', 'Being repaired');
    case 'closed':
      return t('claim.status-closed', 'Closed');
    case 'withdrawn':
      return t('claim.status-withdrawn', 'Withdrawn');
    default:
      return status.replace(/_/g, ' ');
  }
}
