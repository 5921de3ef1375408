import { afterAll, describe, expect, it } from 'vitest';
import { ok } from './expect-reply';
import { api, startTestServer, type TestServer } from './harness';

describe('GET /api/hall', () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('tells the kiosk where the priority button leads and when appointments check in, and nothing private', async () => {
    server = await startTestServer();
    const hall = await ok('hall', api(server.url).get('/api/hall'));
    expect(hall).toMatchObject({
      priorityPath: 'help_and_proxy',
      appointmentEarlyMinutes: 30,
      appointmentLateMinutes: 15,
    });
    // ok() parsed it with the strict schema, so no staff, devices or other policy; and no hash anywhere inside.
    expect(JSON.stringify(hall)).not.toMatch(/scrypt|keyHash|passwordHash/);
  });
});
