import { ApiError } from '@hallq/shared/client';
import type { IssueTicketRequest } from '@hallq/shared/contracts';
import type { PrinterState, PrintResult } from '../../../../bridge/kiosk-bridge';
import type { SliceCreator } from '../../types';
import type { Via } from '../flow/state';
import { windowTypeOf } from '../hall/selectors';
import { issueRequestFor, printJobFor } from './selectors';
import { type Attempt, type TicketState, type Void, initialTicketState } from './state';

export interface TicketActions {
  /** Issue a ticket for the current choice (a fresh requestId). */
  takeTicket(): Promise<void>;
  /** Issue a prepared request (appointment check-in) with a fresh attempt. */
  issue(request: IssueTicketRequest, via: Via): Promise<void>;
  /** The printer is not ready: issue anyway and show the ticket on screen. */
  showOnScreen(): Promise<void>;
  /** After a network error: the same request again (same requestId). */
  retryIssue(): Promise<void>;
  reprint(): Promise<void>;
  /** Give up the number whose print failed. */
  cancelTicket(): Promise<void>;
  /** The citizen leaves the screen: a ticket nobody holds is cancelled on the server. */
  abandonTicket(): void;
  /** Retries the cancels still owed to the server. */
  flushVoids(): Promise<void>;
}
export type TicketSlice = TicketState & TicketActions;

/** The "please take your ticket" screen goes home by itself after this long. */
export const TAKE_TICKET_MS = 10_000;
export const CANCELLED_MS = 8_000;

export const createTicketSlice: SliceCreator<TicketSlice> = (set, get, services) => {
  const { api, bridge, now, newRequestId, origin } = services;
  let flushing = false;

  const printerStatus = async (): Promise<PrinterState | 'error'> => {
    try {
      return await bridge!.printerStatus();
    } catch {
      return 'error';
    }
  };

  const print = async () => {
    const job = get().printJob;
    if (!job || !bridge) return;
    set({ screen: { name: 'busy', task: 'printing' } });
    let result: PrintResult;
    try {
      result = await bridge.printTicket(job);
    } catch (error) {
      result = { ok: false, reason: 'error', message: String(error) };
    }
    if (result.ok) {
      set({ printed: true, screen: { name: 'ticket' }, returnHomeAt: now() + TAKE_TICKET_MS });
    } else {
      set({ screen: { name: 'print-failed', reason: result.reason } });
    }
  };

  const run = async (attempt: Attempt) => {
    set({ attempt, screen: { name: 'busy', task: 'issuing' } });
    // Never issue a number the printer cannot hand over: the hall would call somebody who has no ticket.
    if (attempt.mode === 'print') {
      const printer = await printerStatus();
      if (printer !== 'ready') {
        set({ screen: { name: 'printer-not-ready', printer } });
        return;
      }
    }
    let issued;
    try {
      issued = await api.call('issueTicket', { body: attempt.request });
    } catch (error) {
      if (error instanceof ApiError) {
        // A refusal is final for this requestId; a new try gets a new one.
        // A limit met (429) says how long to wait: told as the time to try again, like a window that opens later.
        const wait = error.retryAfterSeconds;
        const opensAt = wait === null ? error.opensAt : new Date(now() + wait * 1000).toISOString();
        set({ attempt: null, screen: { name: 'refused', code: error.code, opensAt, via: get().via } });
      } else {
        set({ screen: { name: 'network-error', retry: 'issue' } });
      }
      return;
    }
    const { hall, language } = get();
    const printJob = printJobFor(hall!, issued, origin, language);
    set({ attempt: null, issued, printJob, printed: false, cancelRequestId: null });
    if (attempt.mode === 'print') await print();
    else set({ screen: { name: 'ticket' } });
  };

  const start = (request: IssueTicketRequest, via: Via) => {
    // One request at a time; a card just read is the first half of this one (刷证取号), not another.
    const screen = get().screen;
    if (screen.name === 'busy' && screen.task !== 'reading_card') return Promise.resolve();
    set({ via });
    // The ticket keeps the citizen's language for the written notices; Chinese, the default, goes unsaid.
    const language = get().language;
    return run({ request: language === 'zh' ? request : { ...request, language }, mode: bridge ? 'print' : 'screen' });
  };

  const cancel = ({ number, requestId, reason }: Extract<Void, { kind: 'number' }>) =>
    api.call('cancelTicket', { params: { number }, body: { requestId, reason } });

  const settleVoid = (done: Void) => set({ voids: get().voids.filter((v) => v !== done) });

  return {
    ...initialTicketState,

    takeTicket() {
      const { hall, choice } = get();
      // 每人每日限取: the type is taken with the ID card, against which the server counts the person's tickets.
      if (hall && choice.windowType !== null && windowTypeOf(hall, choice.windowType)?.perPersonDailyCap !== undefined)
        return get().takeTicketWithCard();
      return start(issueRequestFor(choice, newRequestId()), 'walk_in');
    },

    issue(request, via) {
      return start(request, via);
    },

    async showOnScreen() {
      const attempt = get().attempt;
      if (attempt) await run({ ...attempt, mode: 'screen' });
    },

    async retryIssue() {
      const attempt = get().attempt;
      if (attempt) await run(attempt);
    },

    reprint: print,

    async cancelTicket() {
      const issued = get().issued;
      if (!issued) return;
      const number = issued.ticket.number;
      const requestId = get().cancelRequestId ?? newRequestId();
      set({ cancelRequestId: requestId, screen: { name: 'busy', task: 'cancelling' } });
      try {
        await api.call('cancelTicket', { params: { number }, body: { requestId, reason: 'print_failed' } });
      } catch (error) {
        if (!(error instanceof ApiError)) {
          // Owed to the server until it answers, even if the citizen walks away now.
          const owed = get().voids.some((v) => v.kind === 'number' && v.requestId === requestId);
          if (!owed) set({ voids: [...get().voids, { kind: 'number', number, requestId, reason: 'print_failed' }] });
          set({ screen: { name: 'network-error', retry: 'cancel' } });
          return;
        }
        // Refused: the ticket is no longer waiting (already cancelled), or no longer the kiosk's to cancel (the server
        // lets a kiosk cancel only its own number, within minutes of issue); either way nothing is left for it to do.
      }
      set({
        voids: get().voids.filter((v) => !(v.kind === 'number' && v.requestId === requestId)),
        issued: null,
        printJob: null,
        cancelRequestId: null,
        screen: { name: 'cancelled', number },
        returnHomeAt: now() + CANCELLED_MS,
      });
    },

    abandonTicket() {
      const { screen, issued, attempt, cancelRequestId, voids } = get();
      const owed: Void[] = [];
      if (screen.name === 'print-failed' && issued)
        owed.push({
          kind: 'number',
          number: issued.ticket.number,
          requestId: cancelRequestId ?? newRequestId(),
          reason: 'print_failed',
        });
      if (screen.name === 'network-error' && screen.retry === 'issue' && attempt)
        owed.push({ kind: 'unconfirmed', request: attempt.request });
      set({ ...initialTicketState, via: 'walk_in', voids: [...voids, ...owed] });
      if (owed.length > 0) void get().flushVoids();
    },

    async flushVoids() {
      if (flushing) return;
      flushing = true;
      try {
        for (const v of get().voids) {
          let current = v;
          try {
            if (v.kind === 'number') {
              await cancel(v);
              settleVoid(v);
            } else {
              // The same requestId returns the ticket if the first try reached the server (or issues it now).
              const issued = await api.call('issueTicket', { body: v.request });
              const next: Void = {
                kind: 'number',
                number: issued.ticket.number,
                requestId: newRequestId(),
                reason: 'issue_unconfirmed',
              };
              set({ voids: get().voids.map((x) => (x === v ? next : x)) });
              current = next;
              await cancel(next);
              settleVoid(next);
            }
          } catch (error) {
            // A refusal means there is nothing the kiosk may cancel (never issued, no longer waiting, or too old: staff's).
            if (error instanceof ApiError) settleVoid(current);
          }
        }
      } finally {
        flushing = false;
      }
    },
  };
};
