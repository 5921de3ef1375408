import type { TicketTrace } from '@hallq/shared/contracts';
import type { Failure } from '../../failure';

export interface LookupState {
  lookup: {
    /** The number asked for, as the guide typed it once tidied (A001). */
    number: string;
    status: 'idle' | 'loading' | 'found' | 'failed';
    trace: TicketTrace | null;
    /** `bad_number` when the typed text is no ticket number; else why the server did not answer with a trace. */
    failure: Failure | 'bad_number' | null;
  };
  reactivation: {
    /** Kept after a lost answer, so pressing again cannot put the ticket back twice. */
    requestId: string | null;
    sending: boolean;
    failure: Failure | null;
  };
}

export const initialLookupState: LookupState = {
  lookup: { number: '', status: 'idle', trace: null, failure: null },
  reactivation: { requestId: null, sending: false, failure: null },
};
