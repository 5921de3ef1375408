import { afterAll, describe, expect, it } from 'vitest';
import { ok } from './expect-reply';
import { demoHall } from './harness';
import { connectLocker, depositBody, pickupStaff } from './locker-rig';
import { killServer, spawnServer, tempHall, type ServerProcess } from './server-process';

describe('kill -9 between deposit and collect', () => {
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of started) await killServer(s);
  });
  const restart = async (paths: { configPath: string; dataDir: string }, previous?: ServerProcess) => {
    await killServer(previous);
    const server = await spawnServer(paths);
    started.push(server);
    return server;
  };

  it('resends the door command in flight, then the stored item opens with its code', async () => {
    const hall = demoHall();
    // Room for three process starts inside the open timeout.
    const paths = tempHall({ ...hall, policy: { ...hall.policy, lockerOpenTimeoutSeconds: 300 } });
    const first = await restart(paths);
    const staff = await pickupStaff(first.url);
    const deposit = await ok('deposit', staff.clerk.post('/api/lockers/locker-1/deposits', depositBody()));

    const second = await restart(paths, first);
    const locker = await connectLocker(second.url);
    expect(locker.commands).toEqual([expect.objectContaining({ commandId: deposit.commandId, compartment: 'A03' })]);
    await locker.report(deposit.commandId, 'opened');
    await locker.report(deposit.commandId, 'closed');
    const { code } = await (await pickupStaff(second.url)).latestCode();
    locker.socket.disconnect();

    const third = await restart(paths, second);
    const again = await connectLocker(third.url);
    expect(again.commands).toEqual([]);
    const collect = await again.collect(code);
    expect(collect).toMatchObject({ result: 'opening', compartment: 'A03' });
    if (collect.result !== 'opening') throw new Error('not opening');
    await again.report(collect.commandId, 'opened');
    await again.report(collect.commandId, 'closed');
    const { lockers } = await ok('lockers', (await pickupStaff(third.url)).clerk.get('/api/lockers'));
    expect(lockers[0]!.compartments.find((c) => c.number === 'A03')).toMatchObject({ state: 'free', item: null });
    again.socket.disconnect();
  }, 60_000);
});
