import type { FollowUp } from '@hallq/shared/contracts';

export type FollowUpAction = 'assign' | 'note' | 'close';

export interface FollowUpError {
  action: FollowUpAction;
  message: string;
  /** The server's field errors, by field path (`staffId`, `text`, `resolution`). */
  fields: Record<string, string>;
}

export interface FollowUpsState {
  /** Open and assigned follow-ups; a closed one leaves the list. */
  followUps: FollowUp[];
  followUpsStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** Follow-ups with an action in flight. */
  busy: Record<string, FollowUpAction>;
  errors: Record<string, FollowUpError>;
}

export const initialFollowUpsState: FollowUpsState = {
  followUps: [],
  followUpsStatus: 'idle',
  busy: {},
  errors: {},
};
