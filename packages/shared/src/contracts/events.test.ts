import { describe, expect, it } from 'vitest';
import {
  makeEnvelope,
  makeRatingRecord,
  makeSnapshot,
  makeTicket,
  makeWindow,
  ticketInState,
} from '../testing/fixtures';
import {
  DeviceEnvelope,
  DeviceSnapshot,
  PublicTicket,
  deviceEnvelopes,
  deviceSnapshot,
  publicTicket,
  type EventEnvelope,
} from './events';

/**
 * Every field of a ticket a device (kiosk, hall display, window screen, rating pad) may see. A field added to the
 * public view must be added here, on purpose: never a clerk's words, an appointment code or a priority group.
 */
const DEVICE_TICKET_FIELDS = ['calls', 'id', 'number', 'state', 'window', 'windowType'];

describe('a device snapshot', () => {
  it('is sized by what a device shows: the tickets at a window, not every ticket waiting today', () => {
    const waiting = Array.from({ length: 5000 }, (_, i) => makeTicket({ sequence: i + 1 }));
    const called = ticketInState('called');
    const snapshot = deviceSnapshot(makeSnapshot({ tickets: [...waiting, called] }));
    expect(snapshot.tickets).toEqual([publicTicket(called)]);
    expect(JSON.stringify(snapshot).length).toBeLessThan(10_000);
  });
});

describe('the public view of a ticket', () => {
  const transferred = ticketInState('transferred', {
    priority: 'disabled',
    serviceItem: 'household-move',
    appointment: { code: 'YY8842', slotStart: '2026-11-23T10:00:00+08:00' },
    transfer: { fromWindow: 2, toWindowType: 'general', note: '已告知家属' },
    outcome: { kind: 'rejected', reason: '材料不全' },
  });

  it('has exactly the fields devices may see, in its schema and in what publicTicket makes', () => {
    expect(Object.keys(PublicTicket.shape).sort()).toEqual(DEVICE_TICKET_FIELDS);
    expect(Object.keys(publicTicket(transferred)).sort()).toEqual(DEVICE_TICKET_FIELDS);
    expect(PublicTicket.parse(publicTicket(transferred))).toEqual({
      id: transferred.id,
      number: transferred.number,
      windowType: transferred.windowType,
      state: 'transferred',
      window: null,
      calls: 0,
    });
  });

  it('is strict: a whole ticket does not pass for it', () => {
    expect(PublicTicket.safeParse(transferred).success).toBe(false);
  });

  it('is what every ticket of a device snapshot and envelope becomes', () => {
    const serving = ticketInState('serving', { outcome: { kind: 'rejected', reason: '材料不全' } });
    const snapshot = deviceSnapshot(makeSnapshot({ tickets: [transferred, serving] }));
    expect(DeviceSnapshot.parse(snapshot).tickets).toEqual([publicTicket(serving)]);
    const [envelope] = deviceEnvelopes([
      makeEnvelope(3, { type: 'ticket.updated', ticket: transferred, previousState: 'called' }),
    ]);
    expect(DeviceEnvelope.parse(envelope).event).toEqual({
      type: 'ticket.updated',
      ticket: publicTicket(transferred),
      previousState: 'called',
    });
    expect(JSON.stringify([snapshot, envelope])).not.toMatch(/已告知家属|材料不全|YY8842|disabled|household-move/);
  });
});

describe('the stream as devices receive it', () => {
  const rating = makeRatingRecord({
    id: 'r1',
    result: 'very_dissatisfied',
    reason: { code: 'attitude', text: '态度差' },
  });
  const followUp = {
    id: 'r1',
    rating,
    status: 'open' as const,
    deadline: '2026-11-30',
    assignee: null,
    notes: [{ at: rating.recordedAt, by: 'admin', text: '已电话回访 13800138000', calledBack: true }],
    openedAt: rating.recordedAt,
    closedAt: null,
    resolution: null,
  };
  const batch: EventEnvelope[] = [
    makeEnvelope(7, { type: 'window.updated', window: makeWindow(3) }),
    makeEnvelope(8, { type: 'rating.recorded', requestId: 'r1', rating }),
    makeEnvelope(9, { type: 'followup.updated', followUp }),
  ];

  it('keeps every sequence number, the rating reduced to its result and the follow-up blanked', () => {
    const seen = deviceEnvelopes(batch);
    expect(seen.map((e) => e.seq)).toEqual([7, 8, 9]);
    expect(seen[0]).toBe(batch[0]);
    expect(seen[1]!.event).toEqual({ type: 'rating.ended', requestId: 'r1', result: 'very_dissatisfied' });
    expect(seen[2]!.event).toEqual({ type: 'staff_only' });
    expect(JSON.stringify(seen)).not.toMatch(/态度差|13800138000|c03/);
  });

  it('passes a batch with nothing for staff only through as it is', () => {
    const plain = batch.slice(0, 1);
    expect(deviceEnvelopes(plain)).toBe(plain);
  });
});
