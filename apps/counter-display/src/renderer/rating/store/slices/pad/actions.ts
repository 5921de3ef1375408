import { ApiError } from '@hallq/shared/client';
import { type RatingRequest } from '@hallq/shared/contracts';
import { isBadRating, type RatingLevel, type RatingResult } from '@hallq/shared/domain';
import type { SliceCreator } from '../../types';
import { type PadState, initialPadState } from './state';

export interface PadActions {
  /** From a snapshot: the requests still open in the hall; the pad shows its window's newest. */
  showOpenRequests(requests: RatingRequest[]): void;
  /** From rating.requested: a service at some window finished. */
  requestOpened(request: RatingRequest): void;
  /** From rating.ended: a request ended, answered or not_rated. */
  requestRecorded(requestId: string, result: RatingResult): void;
  chooseLevel(level: RatingLevel): void;
  chooseReason(code: string): void;
  /** Back from the reasons to the five levels. */
  clearLevel(): void;
  submit(): Promise<void>;
  /** The heartbeat: countdown, expiry, the end of the thanks screen. */
  tick(): void;
}
export type PadSlice = PadState & PadActions;

export const THANKS_MS = 6000;
export const ENDED_NOTE_MS = 8000;

export const createPadSlice: SliceCreator<PadSlice> = (set, get, { client, window, now, newRequestId }) => {
  const patch = (changes: Partial<PadState['pad']>) => set({ pad: { ...get().pad, ...changes } });

  const open = (request: RatingRequest) => {
    // Measured from now rather than the server's clock, so a pad whose clock is off still gives the full time.
    const lifetime = Math.max(0, Date.parse(request.expiresAt) - Date.parse(request.requestedAt));
    set({ pad: { ...initialPadState.pad, screen: 'ask', request, deadline: now() + lifetime, clock: now() } });
  };

  /** Back to idle for the next citizen, in Chinese. */
  const idle = (ended: boolean) => {
    set({
      language: 'zh',
      pad: { ...initialPadState.pad, ended, until: ended ? now() + ENDED_NOTE_MS : 0, clock: now() },
    });
  };

  const thank = () => patch({ screen: 'thanks', sending: false, failed: false, until: now() + THANKS_MS });

  return {
    ...initialPadState,

    showOpenRequests(requests) {
      const newest = requests
        .filter((r) => r.window === window)
        .sort((a, b) => Date.parse(b.requestedAt) - Date.parse(a.requestedAt))[0];
      const { screen, request, sending } = get().pad;
      if (newest) {
        if (newest.id !== request?.id || screen === 'idle') open(newest);
      } else if (screen === 'ask' && !sending) {
        // It ended while the pad was not listening; an answer in flight is settled by the HTTP reply.
        idle(true);
      }
    },

    requestOpened(request) {
      if (request.window !== window || request.id === get().pad.request?.id) return;
      open(request);
    },

    requestRecorded(requestId, result) {
      const { screen, request, sending } = get().pad;
      if (screen !== 'ask' || request?.id !== requestId) return;
      // The event can overtake the HTTP reply to the pad's own answer.
      if (sending && result !== 'not_rated') thank();
      else idle(true);
    },

    chooseLevel(level) {
      const { screen, sending } = get().pad;
      if (screen !== 'ask' || sending) return;
      patch({ level, reason: null, failed: false });
    },

    chooseReason(code) {
      const { screen, sending, level } = get().pad;
      if (screen !== 'ask' || sending || level === null || !isBadRating(level)) return;
      patch({ reason: code, failed: false });
    },

    clearLevel() {
      if (get().pad.sending) return;
      patch({ level: null, reason: null, failed: false });
    },

    async submit() {
      const { screen, request, level, reason, sending, sent } = get().pad;
      if (screen !== 'ask' || !request || sending || level === null) return;
      const bad = isBadRating(level);
      if (bad && reason === null) return;
      const body = {
        level,
        ...(bad && reason !== null ? { reason: { code: reason } } : {}),
      };
      // A retry of the same answer must be recognised by the server as the same write, never counted twice.
      const key = JSON.stringify(body);
      const requestId = sent?.key === key ? sent.requestId : newRequestId();
      patch({ sending: true, failed: false, sent: { key, requestId } });
      try {
        await client.call('submitRating', { params: { id: request.id }, body: { requestId, ...body } });
        if (get().pad.request?.id === request.id && get().pad.screen === 'ask') thank();
      } catch (error) {
        if (get().pad.request?.id !== request.id || get().pad.screen !== 'ask') return;
        // The request is gone (expired, recorded as not rated): nothing of this answer was stored.
        if (error instanceof ApiError && (error.code === 'invalid_state' || error.code === 'not_found')) idle(true);
        else patch({ sending: false, failed: true });
      }
    },

    tick() {
      const t = now();
      const { screen, sending, deadline, until, ended } = get().pad;
      get().loadHallIfDue();
      if (screen === 'ask' && !sending && t >= deadline) idle(true);
      else if (screen === 'thanks' && t >= until) idle(false);
      else if (screen === 'idle' && ended && t >= until) patch({ ended: false, clock: t });
      else patch({ clock: t });
    },
  };
};
