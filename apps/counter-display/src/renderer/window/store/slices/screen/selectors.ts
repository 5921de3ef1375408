import type { DeviceFeed } from '@hallq/shared/client';
import type { PublicHall, WindowConfig } from '@hallq/shared/contracts';
import type { PauseReason } from '@hallq/shared/domain';

/** What the screen above the window says: a ticket at the window, or why there is none. */
export type WindowScreenStatus = 'called' | 'serving' | 'idle' | 'closed' | PauseReason;

export interface WindowScreen {
  number: number;
  config: WindowConfig | null;
  /** Null until the first snapshot. */
  status: WindowScreenStatus | null;
  /** The ticket number being called or served here. */
  ticket: string | null;
  /** The staff number is always shown; the name only where the hall chose to show names (policy.showClerkNames). */
  clerk: { staffId: string; name: string | null } | null;
}

export function windowScreen(hall: PublicHall | null, feed: DeviceFeed | null, number: number): WindowScreen {
  const config = hall?.windows.find((w) => w.number === number) ?? null;
  const state = feed?.windows.find((w) => w.number === number);
  if (!state) return { number, config, status: null, ticket: null, clerk: null };
  const ticket = state.currentTicket ? feed?.tickets.find((t) => t.id === state.currentTicket) : undefined;
  const clerk = state.clerk ? { staffId: state.clerk, name: hall?.clerkNames?.[state.clerk] ?? null } : null;
  const status: WindowScreenStatus =
    state.status === 'closed'
      ? 'closed'
      : state.status === 'paused'
        ? (state.pauseReason ?? 'other')
        : ticket?.state === 'called' || ticket?.state === 'serving'
          ? ticket.state
          : 'idle';
  return { number, config, status, ticket: ticket?.number ?? null, clerk };
}
