import type { WindowTypeConfig } from '../config/hall-config';

/**
 * A card read stays good this long: enough for a citizen to choose a service after placing the card, and for the
 * kiosk's retries after a network error; not long enough for a sealed read picked up from a page to be used later.
 */
export const CARD_READ_VALID_MS = 10 * 60_000;
/** Kiosk and server clocks drift apart by seconds; a read this far in the server's future is refused as forged. */
const CLOCK_SLACK_MS = 60_000;

export interface CardTicketProblem {
  code: 'validation_failed' | 'id_card_required' | 'per_person_cap';
  message: string;
  field?: string;
}

/** Whether a card read at `readAt` may still stand for its holder at `now`. */
export function cardReadProblem(readAt: number, now: Date): CardTicketProblem | null {
  const age = now.getTime() - readAt;
  if (age > CARD_READ_VALID_MS || age < -CLOCK_SLACK_MS)
    return {
      code: 'validation_failed',
      field: 'idCard',
      message: `the card was read ${Math.round(age / 60_000)} min ago: place it on the reader again`,
    };
  return null;
}

/** Who takes the ticket, as far as the per-person cap cares. */
export interface CardTicketFacts {
  /** The request carries a card read at the kiosk. */
  withCard: boolean;
  /** Staff issue it (the guide desk for a citizen without a card): trusted, not capped. */
  byStaff: boolean;
  /** Tickets of this type already taken today with the same card (in any state: a cancelled one was still taken). */
  takenToday: number;
}

/**
 * 每人每日限取: a type with `perPersonDailyCap` is taken by card at a device, and at most that many a day per card.
 * Null when the ticket may be issued.
 */
export function perPersonProblem(type: WindowTypeConfig, facts: CardTicketFacts): CardTicketProblem | null {
  const cap = type.perPersonDailyCap;
  if (cap === undefined) return null;
  if (!facts.withCard) {
    if (facts.byStaff) return null;
    return {
      code: 'id_card_required',
      field: 'idCard',
      message: `window type "${type.code}" is taken with the resident ID card (at most ${cap} a person a day)`,
    };
  }
  if (facts.takenToday >= cap)
    return {
      code: 'per_person_cap',
      message: `this ID card has taken ${facts.takenToday} of the ${cap} "${type.code}" tickets a person may take today`,
    };
  return null;
}
