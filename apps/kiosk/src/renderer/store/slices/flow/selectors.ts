import type { FeedState } from '@hallq/shared/client';
import type { DeviceStream, GuideCall } from '@hallq/shared/contracts';
import type { HallState } from '../hall/state';
import { type FlowState, isAtRest, type ScreenName } from './state';

/** A screen left alone this long goes back home, in Chinese, elderly mode off. */
export const IDLE_MS = 60_000;
/** The countdown shows in the last seconds, so a slow reader is not surprised. */
export const COUNTDOWN_FROM_S = 10;

/** Seconds before the idle reset, once the countdown is due; null otherwise. */
export function idleSecondsLeft(state: FlowState): number | null {
  if (state.screen.name === 'busy' || state.screen.name === 'pickup-door' || isAtRest(state)) return null;
  const left = Math.ceil((state.lastTouchAt + IDLE_MS - state.now) / 1000);
  return left <= COUNTDOWN_FROM_S ? Math.max(left, 0) : null;
}

/** Seconds before a finished screen goes home by itself; null when it does not. */
export function returnHomeSecondsLeft(state: FlowState): number | null {
  if (state.returnHomeAt === null) return null;
  return Math.max(Math.ceil((state.returnHomeAt - state.now) / 1000), 0);
}

/** What the guide is told the citizen needs, from where the button was pressed. */
export function guideReason(state: Pick<FlowState, 'screen' | 'language' | 'choice'>): GuideCall['reason'] {
  const screen = state.screen;
  if (screen.name === 'priority' || screen.name === 'priority-types' || state.choice.priority !== null)
    return 'priority';
  if (screen.name === 'appointment' || (screen.name === 'refused' && screen.via !== 'walk_in')) return 'appointment';
  if (state.language !== 'zh') return 'language';
  return 'general';
}

/**
 * Screens the offline notice never hides: what the citizen already holds (a ticket on screen, a failed print's number,
 * an open locker door) and a request's own outcome, which says itself what to do.
 */
const SHOWN_WHEN_OFFLINE: readonly ScreenName[] = [
  'busy',
  'ticket',
  'print-failed',
  'network-error',
  'cancelled',
  'pickup-door',
  'pickup-done',
  'pickup-locked',
  'pickup-staff',
];

/**
 * The server cannot be reached (the feed lost, or the hall never loaded): no ticket can be taken, so the kiosk says so
 * over the whole screen instead of showing tiles that look live. It goes by itself when the feed is back.
 */
export function cannotTakeTickets(
  state: Pick<FlowState, 'screen'> & Pick<HallState, 'hallStatus'> & Pick<FeedState<DeviceStream>, 'connection'>,
): boolean {
  const unreachable = state.connection === 'disconnected' || state.hallStatus === 'failed';
  return unreachable && !SHOWN_WHEN_OFFLINE.includes(state.screen.name);
}
