import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../contracts/events';
import {
  makeEnvelope,
  makeRatingRecord,
  makeRatingRequest,
  makeSnapshot,
  makeTicket,
  makeWindow,
} from '../testing/fixtures';
import { applyEnvelopes } from './hall-feed';

const snapshot = (seq: number) =>
  makeSnapshot({ seq, windows: [makeWindow(3)], tickets: [makeTicket({ sequence: 1 })] });
const at = '2026-11-23T01:00:00.000Z';
const env = (seq: number, event: HallEvent) => makeEnvelope(seq, event, at);

describe('applyEnvelopes', () => {
  it('records a call in the latest calls and hands it back as fresh', () => {
    const called = makeTicket({ sequence: 1, state: 'called', window: 3, calls: 1 });
    const r = applyEnvelopes(snapshot(10), [env(11, { type: 'ticket.called', ticket: called, window: 3 })]);
    expect(r.gap).toBe(false);
    expect(r.feed.seq).toBe(11);
    expect(r.feed.recentCalls[0]).toEqual({ number: 'A001', window: 3, at, recall: false });
    expect(r.feed.tickets).toEqual([called]);
    expect(r.fresh.map((e) => e.seq)).toEqual([11]);
  });

  it('replays nothing the snapshot already holds', () => {
    const called = makeTicket({ sequence: 1, state: 'called', window: 3, calls: 1 });
    const r = applyEnvelopes(snapshot(11), [env(11, { type: 'ticket.called', ticket: called, window: 3 })]);
    expect(r.fresh).toEqual([]);
    expect(r.feed.recentCalls).toEqual([]);
  });

  it('stops at a gap in seq and asks for a resync', () => {
    const r = applyEnvelopes(snapshot(10), [
      env(11, { type: 'empty_post', windowType: 'general', active: true }),
      env(13, { type: 'empty_post', windowType: 'social', active: true }),
    ]);
    expect(r.gap).toBe(true);
    expect(r.feed.seq).toBe(11);
    expect(r.feed.emptyPosts).toEqual(['general']);
  });

  it('drops a ticket that ended from the tickets in play', () => {
    const done = makeTicket({ sequence: 1, state: 'finished' });
    const r = applyEnvelopes(snapshot(1), [env(2, { type: 'ticket.updated', ticket: done, previousState: 'serving' })]);
    expect(r.feed.tickets).toEqual([]);
  });

  it('opens and closes a rating request', () => {
    const request = makeRatingRequest();
    const opened = applyEnvelopes(snapshot(1), [env(2, { type: 'rating.requested', request })]).feed;
    expect(opened.ratingRequests).toEqual([request]);
    const rating = makeRatingRecord();
    const closed = applyEnvelopes(opened, [env(3, { type: 'rating.recorded', requestId: 'r1', rating })]).feed;
    expect(closed.ratingRequests).toEqual([]);
  });
});
