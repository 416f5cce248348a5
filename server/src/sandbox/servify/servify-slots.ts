/**
 * The sandbox's slot calendar: three slots a day (10–13, 13–16, 16–19, India time) on the next
 * three days, one booking per slot and service type. The doc gives the shapes (fetchSlots in
 * PascalCase with a "+05:30" zone, fetchRequestSlots in camelCase with an IANA zone) but not
 * how many slots exist or how many shoppers one may take: one each is our choice, so a second
 * claim on the same slot is "slot no longer available".
 */

export const SLOT_WINDOWS = [
  { slotCode: 'slot_1', from: '10:00:00', to: '13:00:00' },
  { slotCode: 'slot_2', from: '13:00:00', to: '16:00:00' },
  { slotCode: 'slot_3', from: '16:00:00', to: '19:00:00' },
] as const;

const DAYS_AHEAD = 3;
const INDIA_OFFSET_MS = 330 * 60_000;

/** Service types the sandbox schedules; fetchSlots's "Carry In" is createClaimRequest's CLAIM_CARRYIN. */
export const SERVICE_TYPES = ['CLAIM_CARRYIN', 'CLAIM_PICKUP', 'CLAIM_ONSITE'] as const;
export type ServiceTypeCode = (typeof SERVICE_TYPES)[number];

export function serviceTypeOf(value: unknown): ServiceTypeCode | undefined {
  if (typeof value !== 'string') return undefined;
  const normalised = value.toUpperCase().replace(/[\s-]+/g, '');
  if (normalised === 'CARRYIN') return 'CLAIM_CARRYIN';
  return SERVICE_TYPES.find((type) => type === normalised);
}

export interface CalendarSlot {
  date: string;
  slotCode: string;
  from: string;
  to: string;
  isActive: boolean;
}

/** The India day `offset` days after `now`'s. */
function indianDay(now: Date, offset: number): string {
  return new Date(now.getTime() + INDIA_OFFSET_MS + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The next days' slots for one service type; `isBooked` says whether a live claim holds one. */
export function slotCalendar(now: Date, isBooked: (date: string, from: string) => boolean): { date: string; slots: CalendarSlot[] }[] {
  return Array.from({ length: DAYS_AHEAD }, (_, index) => {
    const date = indianDay(now, index + 1);
    return {
      date,
      slots: SLOT_WINDOWS.map(({ slotCode, from, to }) => ({ date, slotCode, from, to, isActive: !isBooked(date, from) })),
    };
  });
}

/** The calendar slot a booking names (by date and start time: createClaimRequest sends no slot code). */
export function findSlot(now: Date, date: unknown, from: unknown): Omit<CalendarSlot, 'isActive'> | undefined {
  const window = SLOT_WINDOWS.find((candidate) => candidate.from === from);
  // Today too: a slot listed just before midnight in India is still bookable just after it.
  const offered = Array.from({ length: DAYS_AHEAD + 1 }, (_, index) => indianDay(now, index));
  if (!window || typeof date !== 'string' || !offered.includes(date)) return undefined;
  return { date, slotCode: window.slotCode, from: window.from, to: window.to };
}
