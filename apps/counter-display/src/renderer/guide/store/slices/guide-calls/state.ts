import type { Failure } from '../../failure';

export interface GuideCallsState {
  /** Answers sent (or unconfirmed after a lost answer), by call id, with the requestId to send again. */
  callAnswers: Record<string, { requestId: string; sending: boolean }>;
  callFailure: Failure | null;
  /** Calls that arrived while the desk was open and nobody has looked at yet: highlighted until then. */
  unseenCalls: string[];
}

export const initialGuideCallsState: GuideCallsState = { callAnswers: {}, callFailure: null, unseenCalls: [] };
