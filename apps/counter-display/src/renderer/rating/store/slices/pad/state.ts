import type { RatingRequest } from '@hallq/shared/contracts';
import type { RatingLevel } from '@hallq/shared/domain';

export type PadScreen = 'idle' | 'ask' | 'thanks';

export interface PadState {
  pad: {
    screen: PadScreen;
    /** The open request being asked (ask), or just answered (thanks). */
    request: RatingRequest | null;
    /** Local clock (ms) at which the pad stops asking; the server's rating.ended is the authority. */
    deadline: number;
    level: RatingLevel | null;
    /** A reason code from the hall's list, or `other`; only for a bad level. */
    reason: string | null;
    sending: boolean;
    failed: boolean;
    /** The last answer sent for this request and its requestId, reused when the same answer is retried. */
    sent: { key: string; requestId: string } | null;
    /** The last request ended without an answer: the idle screen says nothing was recorded. */
    ended: boolean;
    /** When the thanks screen or the "ended" line goes away. */
    until: number;
    /** The heartbeat's clock, so the countdown re-renders every second. */
    clock: number;
  };
}

export const initialPadState: PadState = {
  pad: {
    screen: 'idle',
    request: null,
    deadline: 0,
    level: null,
    reason: null,
    sending: false,
    failed: false,
    sent: null,
    ended: false,
    until: 0,
    clock: 0,
  },
};
