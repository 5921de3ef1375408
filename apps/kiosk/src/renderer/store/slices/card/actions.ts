import type { IdCardRead, KioskBridge } from '../../../../bridge/kiosk-bridge';
import type { SliceCreator } from '../../types';
import { issueRequestFor } from '../ticket/selectors';
import { initialCardState, type CardState } from './state';

export interface CardActions {
  /** 刷身份证签到: check in today's appointment of the card placed on the reader. */
  checkInWithIdCard(): Promise<void>;
  /** 刷证取号: the chosen type is taken by card (每人每日限取); read one and take the ticket against it. */
  takeTicketWithCard(): Promise<void>;
}
export type CardSlice = CardState & CardActions;

/** How long the reader waits for a card to be placed. */
export const CARD_WAIT_MS = 20_000;

/** A bridge that fails (the shell's IPC, a bug) is a reader fault to the citizen: the keypad or the guide desk. */
async function readCard(bridge: KioskBridge): Promise<IdCardRead> {
  try {
    return await bridge.readIdCard(CARD_WAIT_MS);
  } catch {
    return { ok: false, reason: 'fault' };
  }
}

/**
 * The card on the kiosk's reader. The page waits for a card only on the citizen's request (a card placed otherwise is
 * never read), learns only the masked name and a sealed read it passes on to the server, and keeps neither past the
 * visit.
 */
export const createCardSlice: SliceCreator<CardSlice> = (set, get, services) => {
  /** The read, or null after the screen told the citizen why there is none. */
  const read = async (onFailure: (reason: Exclude<IdCardRead, { ok: true }>['reason']) => void) => {
    const { bridge, hasIdCardReader } = services;
    if (!bridge || !hasIdCardReader) {
      onFailure('not_fitted');
      return null;
    }
    set({ screen: { name: 'busy', task: 'reading_card' } });
    const card = await readCard(bridge);
    if (!card.ok) {
      onFailure(card.reason);
      return null;
    }
    return card;
  };

  return {
    ...initialCardState,

    async checkInWithIdCard() {
      if (get().screen.name === 'busy') return;
      const card = await read((reason) => set({ screen: { name: 'appointment', notice: reason } }));
      if (!card) return;
      set({ cardHolder: card.maskedName });
      await get().issue({ requestId: services.newRequestId(), idCard: card.proof }, 'id_card');
    },

    async takeTicketWithCard() {
      if (get().screen.name === 'busy') return;
      const card = await read((reason) => set({ screen: { name: 'card', notice: reason } }));
      if (!card) return;
      set({ cardHolder: card.maskedName });
      await get().issue({ ...issueRequestFor(get().choice, services.newRequestId()), idCard: card.proof }, 'id_card');
    },
  };
};
