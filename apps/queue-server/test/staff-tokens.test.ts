import { describe, it } from 'vitest';
import { refused } from './expect-reply';
import { WEDNESDAY_10_00, api, demoHall, hallPerTest, login } from './harness';

const halls = hallPerTest();

describe('a staff token', () => {
  it('that expired once, after the clock jumped ahead, stays expired when the clock is set back', async () => {
    const { server, clock } = await halls.open();
    const seen = api(server.url, await login(server.url, 'admin', 'admin'));
    const unseen = api(server.url, await login(server.url, 'c02', 'demo'));
    clock.advanceMinutes(demoHall().policy.staffTokenTtlMinutes + 60); // a clock that jumped a shift ahead
    await refused(seen.get('/api/windows'), 401, 'unauthorized');
    // Someone logs in meanwhile: every session past its time ends then, the one not used since too.
    await login(server.url, 'c05', 'demo');
    clock.set(WEDNESDAY_10_00); // put right again
    await refused(seen.get('/api/windows'), 401, 'unauthorized');
    await refused(unseen.get('/api/windows'), 401, 'unauthorized');
  });
});
