import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@hallq/shared/contracts';
import { EventEnvelope } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { DISPLAY_KEY, connect, hallPerTest, until } from './harness';
import { connectLocker, connectStaff, depositBody, pickupStaff } from './locker-rig';

const { open, keep } = hallPerTest();

async function openLockerHall() {
  const h = await open();
  const staff = await pickupStaff(h.server.url);
  const locker = keep(await connectLocker(h.server.url));
  return { ...h, ...staff, locker };
}

describe('locker changes on the numbered hall stream', () => {
  it('reach staff as locker events in sequence; a device hears staff_only at the same numbers, nothing of the locker', async () => {
    const h = await openLockerHall();
    const watcher = keep(await connectStaff(h.server.url, h.clerkToken));
    const display = keep(await connect(h.server.url, { room: 'hall', token: DISPLAY_KEY }));

    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody()));
    await h.locker.report(deposit.commandId, 'opened');
    await h.locker.collect('000000'); // a wrong code: the keypad counts it
    await until(() => watcher.events.some((e) => e.type === 'locker.keypad'));
    await until(() => display.events.length === watcher.stream.length);

    expect(watcher.events.map((e) => (e.type === 'locker.compartment' ? e.compartment.state : e.keypad))).toEqual([
      'opening',
      'awaiting_close',
      { wrongInRow: 1, lockedUntil: null },
    ]);
    const staffSeqs = watcher.stream.map((e) => EventEnvelope.parse(e).seq);
    expect(staffSeqs).toEqual(staffSeqs.map((_, i) => staffSeqs[0]! + i));
    expect(display.events.map((e) => e.seq)).toEqual(staffSeqs);
    expect(display.events.map((e) => e.event.type)).toEqual(watcher.stream.map(() => 'staff_only'));
    expect(JSON.stringify(display.events)).not.toContain(depositBody().caseNumber);
  });

  it('a staff snapshot carries the lockers as GET /api/lockers shows them, a resync too; a device snapshot has none', async () => {
    const h = await openLockerHall();
    await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody()));
    const { lockers } = await ok('lockers', h.clerk.get('/api/lockers'));
    expect(lockers[0]!.compartments.some((c) => c.state === 'opening')).toBe(true);

    const watcher = keep(await connectStaff(h.server.url, h.clerkToken));
    expect(watcher.snapshot.lockers).toEqual(lockers);
    const resynced = await new Promise<Snapshot>((resolve) => watcher.socket.emit('resync', resolve));
    expect(resynced.lockers).toEqual(lockers);

    const display = keep(await connect(h.server.url, { room: 'hall', token: DISPLAY_KEY }));
    expect(display.snapshot.lockers).toEqual([]);
    const deviceResync = await new Promise<Snapshot>((resolve) => display.socket.emit('resync', resolve));
    expect(deviceResync.lockers).toEqual([]);
  });
});
