import { type DeviceFeed } from '@hallq/shared/client';
import { type LocalizedText, type PublicHall, type QueueInfo, type RecentCall } from '@hallq/shared/contracts';
import { CITIZEN_LANGUAGES, type CitizenLanguage } from '@hallq/shared/i18n';
import type { NoShow } from '../calls/state';

export interface CallBoard {
  /** The newest call; null when there is none, or when its ticket was marked no-show since. */
  latest: RecentCall | null;
  /** The calls before the latest, newest first. */
  history: RecentCall[];
}

/**
 * The latest call and the ones before it. A recall moves its number back to the top instead of listing it twice:
 * the board tells people where to go, not how often they were called. For the same reason a call whose ticket was
 * marked no-show (过号) leaves the board, and no older call moves up to be shown as the one calling now.
 */
export function callBoard(feed: DeviceFeed | null, historySize: number, noShows: readonly NoShow[] = []): CallBoard {
  const seen = new Set<string>();
  const calls = (feed?.recentCalls ?? []).filter((call) => {
    const key = `${call.number}@${call.window}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // A ticket reactivated and called there again is a new call, after its no-show.
  const given = (call: RecentCall) =>
    noShows.some((n) => n.number === call.number && n.window === call.window && n.at >= call.at);
  const [newest, ...before] = calls;
  return {
    latest: newest && !given(newest) ? newest : null,
    history: before.filter((call) => !given(call)).slice(0, historySize),
  };
}

export interface WaitingRow {
  code: string;
  name: LocalizedText;
  waiting: number;
  /** Taking tickets now. */
  open: boolean;
}

/** People waiting per window type, in the hall's configured order; types the server has not reported yet show 0. */
export function waitingRows(hall: PublicHall, queues: readonly QueueInfo[]): WaitingRow[] {
  const byType = new Map(queues.map((q) => [q.windowType, q]));
  return hall.windowTypes.map((type) => {
    const queue = byType.get(type.code);
    return { code: type.code, name: type.name, waiting: queue?.waiting ?? 0, open: queue?.open ?? false };
  });
}

export const LANGUAGE_TURN_MS = 8000;

/**
 * The language shown under the Chinese: the hall's other citizen languages take turns, so each line stays large
 * enough to read across the hall. Null for a Chinese-only hall.
 */
export function secondLanguage(hall: PublicHall | null, now: number): CitizenLanguage | null {
  const others = CITIZEN_LANGUAGES.filter((l) => l !== 'zh' && (hall?.languages.includes(l) ?? false));
  return others[Math.floor(now / LANGUAGE_TURN_MS) % Math.max(1, others.length)] ?? null;
}

/** A hall-config text in the second language, or null where the hall file has none (rather than Chinese twice). */
export function secondText(text: LocalizedText, language: CitizenLanguage | null): string | null {
  return language ? (text[language] ?? null) : null;
}
