import {
  cardKeys,
  CardProofError,
  idNumberHash,
  openCardProof,
  type CardIdentity,
  type CardKeys,
} from '@hallq/devices';
import type { IdCardKeyResponse, WindowTypeConfig } from '@hallq/shared/contracts';
import { cardReadProblem, perPersonProblem } from '@hallq/shared/domain';
import type { HallStore, IdNumberDigest } from '../store/hall-store';
import { ApiError } from './api-error';

/**
 * The resident ID card on the server's side: it never sees a number from a kiosk, only the sealed proof a kiosk's main
 * process made of a read (`sealCardProof`), which it opens here; and it keys the hash of a number typed when booking
 * with the same secret, so the two meet. The cap of 每人每日限取 counts the card's tickets of a type on a day.
 */
export class IdCards {
  private readonly keys: CardKeys;

  constructor(private readonly store: HallStore) {
    this.keys = cardKeys(store.installationSecret('id_number_hmac'));
  }

  /**
   * The secret a kiosk's main process seals its reads with, for kiosk keys only: held in that process's memory, never
   * given to its page, never written to the kiosk's disk.
   */
  kioskKey(): IdCardKeyResponse {
    return { key: this.keys.hashKey.toString('base64') };
  }

  /** A number typed when booking: its keyed hash and last four characters, never the number itself. */
  digest(idNumber: string): IdNumberDigest {
    return { hash: idNumberHash(idNumber, this.keys), last4: idNumber.slice(-4) };
  }

  /** The card behind a sealed read, refused (naming `idCard`) when forged, of another hall, or read too long ago. */
  identity(proof: string, now: Date): CardIdentity {
    let card: CardIdentity;
    try {
      card = openCardProof(proof, this.keys);
    } catch (error) {
      if (error instanceof CardProofError) throw ApiError.field('idCard', `${error.message}: place the card again`);
      throw error;
    }
    const stale = cardReadProblem(card.readAt, now);
    if (stale) throw ApiError.of(stale);
    return card;
  }

  /** Refuses a ticket of a type with 每人每日限取 taken without a card at a device, or beyond the card's cap. */
  checkPerPerson(type: WindowTypeConfig, card: CardIdentity | null, byStaff: boolean, day: string): void {
    const takenToday = card ? this.store.cardTickets.takenToday(card, day, type.code) : 0;
    const problem = perPersonProblem(type, { withCard: card !== null, byStaff, takenToday });
    if (problem) throw ApiError.of(problem);
  }

  /** Records a ticket taken with a card, inside the transaction (the next count sees it). */
  record(ticketId: string, day: string, type: WindowTypeConfig, card: CardIdentity): void {
    this.store.cardTickets.record(ticketId, day, type.code, card);
  }
}
