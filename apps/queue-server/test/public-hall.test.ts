import { afterAll, describe, expect, it } from 'vitest';
import { ok } from './expect-reply';
import { api, startTestServer, type TestServer } from './harness';

describe('GET /api/hall', () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.close();
  });

  it('tells the kiosk where the priority button leads, when appointments check in and whose each window and item is, and nothing private', async () => {
    server = await startTestServer();
    const hall = await ok('hall', api(server.url).get('/api/hall'));
    expect(hall).toMatchObject({
      priorityPath: 'help_and_proxy',
      appointmentEarlyMinutes: 30,
      appointmentLateMinutes: 15,
    });
    // Whose window and whose item: each names a department the hall lists, the hall's own office among them.
    const departments = new Map(hall.departments.map((d) => [d.code, d]));
    expect([...departments.values()].filter((d) => d.hallOffice).map((d) => d.name.zh)).toEqual(['拉萨市政务服务中心']);
    expect(departments.get(hall.windows.find((w) => w.number === 15)!.department)?.name.zh).toBe('市公安局');
    expect(departments.get(hall.serviceItems.find((i) => i.code === 'id-card-renewal')!.department)?.name.zh).toBe(
      '市公安局',
    );
    // ok() parsed it with the strict schema, so no staff, devices or other policy; and no hash anywhere inside.
    expect(JSON.stringify(hall)).not.toMatch(/scrypt|keyHash|passwordHash/);
  });
});
