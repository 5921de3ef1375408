import type { IdCardRead } from '../../../../bridge/kiosk-bridge';

/** Why no card was read, as a screen tells the citizen. */
export type CardFailure = Extract<IdCardRead, { ok: false }>['reason'];

export interface CardState {
  /** The masked name of the card the ticket was taken with (张*), shown on the ticket screen; never more of the card. */
  cardHolder: string | null;
}

export const initialCardState: CardState = { cardHolder: null };
