import type { HallFeed } from '@hallq/shared/client';
import type { PublicHall, ServiceItemConfig, WindowTypeConfig } from '@hallq/shared/contracts';

export function windowTypeOf(hall: PublicHall | null, code: string | null): WindowTypeConfig | undefined {
  return hall?.windowTypes.find((t) => t.code === code);
}

export function serviceItemOf(hall: PublicHall | null, code: string | null): ServiceItemConfig | undefined {
  return hall?.serviceItems.find((s) => s.code === code);
}

/** The windows open now that call a window type, as the server's trace counts them: from the feed's windows. */
export function openWindowsFor(hall: PublicHall | null, feed: HallFeed | null, windowType: string): number[] | null {
  if (!hall || !feed) return null;
  const serves = new Map(hall.windows.map((w) => [w.number, w.serves]));
  return feed.windows
    .filter((w) => w.status === 'open' && (serves.get(w.number) ?? []).includes(windowType))
    .map((w) => w.number)
    .sort((a, b) => a - b);
}
