import type { IssuedTicket, IssueTicketRequest } from '@hallq/shared/contracts';
import type { TicketPrintJob } from '../../../../bridge/kiosk-bridge';
import type { Via } from '../flow/state';

/** One try at a ticket; its requestId is reused when the network fails, so the server issues at most one ticket. */
export interface Attempt {
  request: IssueTicketRequest;
  /** print: through the kiosk printer; screen: shown on screen (no printer, or the citizen chose it). */
  mode: 'print' | 'screen';
}

/**
 * A ticket nobody holds, to be cancelled on the server as soon as it answers: a number whose print failed and was
 * left behind, or an issue whose answer never arrived (re-sent with its requestId to learn the number, then cancelled).
 */
export type Void =
  | { kind: 'number'; number: string; requestId: string; reason: string }
  | { kind: 'unconfirmed'; request: IssueTicketRequest };

export interface TicketState {
  attempt: Attempt | null;
  issued: IssuedTicket | null;
  printJob: TicketPrintJob | null;
  /** Whether the issued ticket came out of the printer (else it is shown on screen). */
  printed: boolean;
  /** The citizen's cancel of a failed print, reused on retry. */
  cancelRequestId: string | null;
  voids: Void[];
  via: Via;
}

export const initialTicketState: TicketState = {
  attempt: null,
  issued: null,
  printJob: null,
  printed: false,
  cancelRequestId: null,
  voids: [],
  via: 'walk_in',
};
