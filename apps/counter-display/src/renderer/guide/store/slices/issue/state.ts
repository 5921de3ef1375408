import type { IssuedTicket } from '@hallq/shared/contracts';
import type { PriorityGroup } from '@hallq/shared/domain';
import type { Failure } from '../../failure';

/** What the guide chose for a citizen who cannot use the kiosk. */
export interface IssueForm {
  windowType: string | null;
  serviceItem: string | null;
  priority: PriorityGroup | null;
}

export interface IssueState {
  issueForm: IssueForm;
  issuing: {
    /** Kept after a lost answer: pressing again must not give the citizen a second number. */
    requestId: string | null;
    sending: boolean;
    failure: Failure | null;
  };
  /** The number just taken, shown large until the guide closes it. */
  issued: IssuedTicket | null;
}

export const initialIssueState: IssueState = {
  issueForm: { windowType: null, serviceItem: null, priority: null },
  issuing: { requestId: null, sending: false, failure: null },
  issued: null,
};
