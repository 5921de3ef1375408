import type { PublicHall } from '@hallq/shared/contracts';

/** The windows that hand out results (综合出件): where an applicant the locker cannot serve is sent. */
export function pickupWindows(hall: PublicHall | null): number[] {
  if (!hall) return [];
  const pickupTypes = new Set(hall.windowTypes.filter((t) => t.kind === 'pickup').map((t) => t.code));
  return hall.windows.filter((w) => w.serves.some((t) => pickupTypes.has(t))).map((w) => w.number);
}
