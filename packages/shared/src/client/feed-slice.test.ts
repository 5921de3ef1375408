import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { fakeRealtime, makeEnvelope, makePublicHall, makeSnapshot, makeTicket, makeWindow } from '../testing/index';
import { createFeedSlice, type FeedHooks, type FeedSlice } from './feed-slice';

function page(hooks: FeedHooks = {}) {
  const store = createStore<FeedSlice>()((set, get) => createFeedSlice(set, get, hooks));
  const realtime = fakeRealtime();
  store.getState().connectFeed(realtime);
  return { store, realtime, handlers: () => realtime.handlers! };
}

describe('the shared feed slice', () => {
  it('applies events after the snapshot once each, and hands the fresh ones to the page', () => {
    const fresh = vi.fn();
    const { store, handlers } = page({ fresh });
    handlers().snapshot(makeSnapshot({ seq: 10 }));
    const issued = makeEnvelope(11, { type: 'ticket.issued', ticket: makeTicket({ sequence: 1 }) });
    handlers().events([issued]);
    handlers().events([issued]);
    expect(store.getState().feed?.tickets.map((t) => t.number)).toEqual(['A001']);
    expect(store.getState().feed?.seq).toBe(11);
    expect(fresh).toHaveBeenCalledTimes(1);
    expect(fresh.mock.calls[0]![0]).toEqual([issued]);
  });

  it('asks for a resync on a gap and ignores events until the fresh snapshot arrives', () => {
    const snapshot = vi.fn();
    const { store, realtime, handlers } = page({ snapshot });
    handlers().snapshot(makeSnapshot({ seq: 10 }));
    handlers().events([makeEnvelope(12, { type: 'window.updated', window: makeWindow(2) })]);
    expect(realtime.resync).toHaveBeenCalledTimes(1);
    expect(store.getState().resyncing).toBe(true);
    handlers().events([makeEnvelope(13, { type: 'window.updated', window: makeWindow(3) })]);
    expect(store.getState().feed?.windows).toEqual([]);
    handlers().snapshot(makeSnapshot({ seq: 13, windows: [makeWindow(3)] }));
    expect(store.getState()).toMatchObject({ resyncing: false, feed: { seq: 13 } });
    expect(snapshot.mock.calls.map(([, how]) => how)).toEqual([{ resynced: false }, { resynced: true }]);
  });

  it('keeps the last feed while disconnected and reports a refused connection to the page', () => {
    const unauthorized = vi.fn();
    const { store, handlers } = page({ unauthorized });
    handlers().snapshot(makeSnapshot({ seq: 10 }));
    handlers().connection('disconnected');
    expect(store.getState()).toMatchObject({ connection: 'disconnected', feed: { seq: 10 } });
    handlers().connection('unauthorized');
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('stops the old connection when the page connects again, and starts from nothing', () => {
    const { store, realtime, handlers } = page();
    handlers().snapshot(makeSnapshot({ seq: 10 }));
    const next = fakeRealtime();
    store.getState().connectFeed(next);
    expect(realtime.stop).toHaveBeenCalled();
    expect(next.start).toHaveBeenCalled();
    expect(store.getState().feed).toBeNull();
  });

  it('hands the page a changed hall from the stream, and has it reload one it missed while away', () => {
    let held: number | null = null;
    const hall = { version: () => held, changed: vi.fn(), reload: vi.fn() };
    const { store, handlers } = page({ hall });
    handlers().snapshot(makeSnapshot({ seq: 10, hallVersion: 1 }));
    expect(hall.reload).not.toHaveBeenCalled(); // the page has none yet: it is loading its first
    held = 1;
    const changed = makePublicHall({ version: 2 });
    handlers().events([makeEnvelope(11, { type: 'hall.changed', hall: changed })]);
    expect(hall.changed).toHaveBeenCalledWith(changed);
    expect(store.getState().feed?.hallVersion).toBe(2);
    held = 2;
    handlers().snapshot(makeSnapshot({ seq: 20, hallVersion: 2 }));
    expect(hall.reload).not.toHaveBeenCalled();
    handlers().snapshot(makeSnapshot({ seq: 30, hallVersion: 4 }));
    expect(hall.reload).toHaveBeenCalledTimes(1);
  });
});
