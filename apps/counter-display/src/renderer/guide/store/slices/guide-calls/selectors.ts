import type { HallFeed } from '@hallq/shared/client';
import type { GuideCall } from '@hallq/shared/contracts';
import type { GuideCallsState } from './state';

export interface OpenCall {
  call: GuideCall;
  /** Whole minutes since the citizen pressed 呼叫导办. */
  waitedMinutes: number;
  /** Arrived while the desk was open and not looked at yet. */
  isNew: boolean;
  /** This guide's answer is on its way (sent, or sent and confirmed while its guide.answered is still to come). */
  answering: boolean;
}

/** The open calls of this guide's zones (the server sends no others), the longest waiting first. */
export function openCalls(
  feed: HallFeed | null,
  state: Pick<GuideCallsState, 'callAnswers' | 'unseenCalls'>,
  now: Date,
): OpenCall[] {
  return [...(feed?.guideCalls ?? [])]
    .sort((a, b) => a.calledAt.localeCompare(b.calledAt))
    .map((call) => ({
      call,
      waitedMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(call.calledAt)) / 60_000)),
      isNew: state.unseenCalls.includes(call.id),
      answering: state.callAnswers[call.id]?.sending ?? false,
    }));
}
