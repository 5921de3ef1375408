import { describe, expect, it } from 'vitest';
import { envelope, snapshot, testServices, ticket, windowState } from '../../display/store/test-services';
import { windowScreen } from './slices/screen/selectors';
import { createWindowStore } from './create-window-store';

/** The screen above window 3, connected to a feed the test drives. */
function testScreen() {
  const { services, realtime } = testServices();
  const store = createWindowStore(services);
  store.getState().connectFeed(realtime);
  const screen = () => windowScreen(null, store.getState().feed, 3);
  return { store, realtime, screen };
}

describe('the window screen feed', () => {
  it('shows the ticket called to its window, then served there, as the stream reports it', () => {
    const { realtime, screen } = testScreen();
    realtime.handlers!.snapshot(snapshot({ windows: [windowState(3)] }));
    expect(screen()).toMatchObject({ status: 'idle', ticket: null });
    realtime.handlers!.events([
      envelope(11, { type: 'ticket.called', ticket: ticket('A001'), window: 3 }),
      envelope(12, { type: 'window.updated', window: windowState(3, { currentTicket: 't-A001' }) }),
    ]);
    expect(screen()).toMatchObject({ status: 'called', ticket: 'A001' });
    realtime.handlers!.events([
      envelope(13, {
        type: 'ticket.updated',
        ticket: ticket('A001', { state: 'serving' }),
        previousState: 'called',
      }),
    ]);
    expect(screen()).toMatchObject({ status: 'serving', ticket: 'A001' });
  });

  it('keeps the last state while disconnected and takes a reconnection snapshot as the state now', () => {
    const { store, realtime, screen } = testScreen();
    realtime.handlers!.snapshot(
      snapshot({ windows: [windowState(3, { currentTicket: 't-A001' })], tickets: [ticket('A001')] }),
    );
    realtime.handlers!.connection('disconnected');
    expect(store.getState().connection).toBe('disconnected');
    expect(screen()).toMatchObject({ status: 'called', ticket: 'A001' });
    realtime.handlers!.connection('connected');
    realtime.handlers!.snapshot(
      snapshot({ seq: 30, windows: [windowState(3, { status: 'paused', pauseReason: 'lunch' })] }),
    );
    expect(screen()).toMatchObject({ status: 'lunch', ticket: null });
  });
});
