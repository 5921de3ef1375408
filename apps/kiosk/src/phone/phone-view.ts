import { type LanguageCode, StatusTokenParam, type PublicHall, type TicketStatus } from '@hallq/shared/contracts';
import { CITIZEN_LANGUAGES, localized, type CitizenLanguage } from '@hallq/shared/i18n';

/** What the page shows: a ticket state, or `other_day` for a ticket of an earlier day whatever its state. */
export type PhoneScene = TicketStatus['state'] | 'other_day';

export interface PhoneView {
  scene: PhoneScene;
  number: string;
  hallDay: string;
  /** Null when the hall's window types are not known (yet). */
  windowTypeName: string | null;
  /** Only while the ticket waits in a queue. */
  peopleAhead: number | null;
  estimatedWaitMinutes: number | null;
  /** The window that called or serves the ticket. */
  window: number | null;
  canGiveUp: boolean;
}

const QUEUED: readonly PhoneScene[] = ['waiting', 'transferred'];
const GIVE_UP_STATES: readonly PhoneScene[] = ['waiting', 'transferred', 'called'];

/** Long, short, long: felt in a pocket, and unlike a message notification. */
export const CALL_VIBRATION = [600, 200, 600, 200, 1000];

/** `today` is the hall's day by the server's clock; null while unknown, and then no ticket is called stale. */
export function phoneView(
  status: TicketStatus,
  today: string | null,
  hall: PublicHall | null,
  lang: CitizenLanguage,
): PhoneView {
  const scene: PhoneScene = status.expired || (today !== null && status.hallDay !== today) ? 'other_day' : status.state;
  const type = hall?.windowTypes.find((t) => t.code === status.windowType);
  const queued = QUEUED.includes(scene);
  return {
    scene,
    number: status.number,
    hallDay: status.hallDay,
    windowTypeName: type ? localized(type.name, lang) : null,
    peopleAhead: queued ? status.peopleAhead : null,
    estimatedWaitMinutes: queued ? status.estimatedWaitMinutes : null,
    window: scene === 'called' || scene === 'serving' ? status.window : null,
    // The same states the server lets a ticket be cancelled from.
    canGiveUp: GIVE_UP_STATES.includes(scene),
  };
}

/**
 * Vibrate once for each call the page sees happen: a first call, a recall (calls rises), or a call at another window
 * after a transfer. Not for a ticket that was already called when the page opened: the citizen is looking at it.
 */
export function shouldVibrate(previous: TicketStatus | null, next: TicketStatus): boolean {
  if (previous === null || next.state !== 'called') return false;
  if (previous.state !== 'called' || previous.window !== next.window) return true;
  return next.calls > previous.calls;
}

/** The status token from the page's address `/t/<token>`; null when it is missing or malformed. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/t\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  return StatusTokenParam.safeParse({ token: match[1] }).success ? match[1] : null;
}

/**
 * The language the page shows: the one the citizen chose on this phone for this very ticket, else the one the ticket
 * was taken in (the kiosk's screen then; a language the page lacks shows as Chinese), else Chinese while that is unknown.
 * A choice made for another ticket does not carry over: a phone may be handed on, and each ticket has its own citizen.
 */
export function pageLanguage(chosen: CitizenLanguage | null, ticketLanguage: LanguageCode | null): CitizenLanguage {
  return chosen ?? CITIZEN_LANGUAGES.find((l) => l === ticketLanguage) ?? 'zh';
}
