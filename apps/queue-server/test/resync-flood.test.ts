import { describe, expect, it } from 'vitest';
import { RESYNC_INTERVAL_MS } from '../src/realtime/resync-limit';
import { ok } from './expect-reply';
import { KIOSK_KEY, connect, hallPerTest, rid, until } from './harness';

const { open, keep } = hallPerTest();

describe('resync', () => {
  it('answers a socket that floods it at most once an interval, and the hall goes on taking tickets meanwhile', async () => {
    const { server, kiosk } = await open();
    const device = keep(await connect(server.url, { room: 'kiosk', token: KIOSK_KEY }));
    let answers = 0;
    for (let i = 0; i < 300; i++) device.socket.emit('resync', () => answers++);
    await until(() => answers === 1);
    const started = performance.now();
    await ok('issueTicket', kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('flood') }));
    expect(performance.now() - started).toBeLessThan(RESYNC_INTERVAL_MS);
    expect(answers).toBe(1);
    // After the interval, the asks that waited get one snapshot together; the flood beyond them none.
    await until(() => answers > 1, 3 * RESYNC_INTERVAL_MS);
    await new Promise((r) => setTimeout(r, 2 * RESYNC_INTERVAL_MS));
    expect(answers).toBeLessThanOrEqual(9);
  });
});
