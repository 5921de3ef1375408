import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallConfig } from '@hallq/shared/contracts';
import { hasSocat, simulatedSmsModemLine, type SimulatedSmsModemLine } from '@hallq/devices/simulation';
import { ok, refused } from './expect-reply';
import { KIOSK_KEY, api, hallPerTest, logText, login, rid, sendFrom, tooMany, until } from './harness';
import { noticeHall } from './notice-rig';

// Registered before the halls', so it runs after them: the servers let go of the modem and the gateway first.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
const halls = hallPerTest();

const PHONE = '13900139000';
const TEXT = /^【.+】这是一条测试短信，收到说明短信发送正常。$/;

/** A gateway on a real local socket: the Authorization header of each POST, and its body. */
async function gateway() {
  const received: { authorization: string | undefined; body: Record<string, string> }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body: JSON.parse(raw) as Record<string, string> });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`, received };
}

async function modemLine(): Promise<SimulatedSmsModemLine> {
  const line = await simulatedSmsModemLine();
  closers.push(() => line.close());
  return line;
}

/** A hall with the manager's console: its `notices` section saved as the 通知发送 page saves it, and a test SMS. */
async function openNotices(hall?: HallConfig) {
  const h = await halls.open({ hall });
  const token = await login(h.server.url, 'admin', 'admin');
  const manager = api(h.server.url, token);
  const settings = () => ok('settings', manager.get('/api/settings'));
  const save = async (value: unknown) =>
    manager.post('/api/settings/sections/notices', {
      requestId: rid('notices'),
      baseVersion: (await settings()).version,
      value,
    });
  const test = (requestId = rid('test')) =>
    sendFrom(h.server.url, {
      method: 'POST',
      path: '/api/notices/test',
      from: '127.0.0.1',
      token,
      body: { requestId, phone: PHONE },
    });
  const notices = async () => (await ok('notices', manager.get('/api/notices'))).notices;
  return { ...h, manager, settings, save, test, notices };
}

const gatewayHall = (url: string, token: string) =>
  noticeHall({
    sender: 'gateway',
    gateway: { url, token, body: { mobile: '{{phone}}', content: '{{text}}' }, timeoutSeconds: 5 },
    retrySeconds: 30,
    maxRetrySeconds: 1800,
    maxAttempts: 3,
    overdueReminder: true,
    followUpReminders: false,
  });

describe.skipIf(!hasSocat())('设置 → 通知发送 and the test SMS (the modem simulator on a real pty)', () => {
  it('a hall changed from the window to the modem sends the test SMS through it, listed in the outbox, its phone in no log', async () => {
    const h = await openNotices();
    const line = await modemLine();
    await refused(h.test().then(toReply), 409, 'invalid_state');

    const changed = await ok('changeSettings', h.save({ sender: 'modem', modem: { path: line.path } }));
    expect(changed.changes).toEqual([{ section: 'notices', key: null, kind: 'added', fields: [] }]);
    expect((await h.settings()).hall.notices).toMatchObject({ sender: 'modem', modem: { baudRate: 115200 } });

    const queued = await ok('testNotice', h.test().then(toReply));
    // The answer is kept with its requestId: it carries neither the phone nor the text.
    expect(queued.notice).toMatchObject({ kind: 'test', subject: '测试短信', phone: '139****9000', text: null });
    await until(() => line.simulator.messages.length === 1, 3000);
    expect(line.simulator.messages[0]).toMatchObject({ recipient: PHONE, text: expect.stringMatching(TEXT) });
    await h.server.notices.queue.settled();
    const [listed] = await h.notices();
    expect(listed).toMatchObject({ id: queued.notice.id, kind: 'test', sender: 'modem' });
    expect(['sent', 'delivered']).toContain(listed!.status);
    expect(logText(h.server.dataDir)).not.toContain(PHONE);
  });
});

describe('the notices section keeps the gateway token the console never sees', () => {
  it('kept when the section is saved without one, replaced when a new one is typed; said set, never shown', async () => {
    const gw = await gateway();
    const h = await openNotices(gatewayHall(gw.url, 'token-first-0001'));
    const view = await h.settings();
    expect(view.tokensSet).toEqual({ ratingUpload: false, gateway: true });
    expect(JSON.stringify(view)).not.toContain('token-first-0001');

    const notices = view.hall.notices!;
    await ok('changeSettings', h.save({ ...notices, gateway: { ...notices.gateway!, timeoutSeconds: 8 } }));
    expect((await h.settings()).tokensSet.gateway).toBe(true);
    await ok('testNotice', h.test().then(toReply));
    await until(() => gw.received.length === 1);
    expect(gw.received[0]).toEqual({
      authorization: 'Bearer token-first-0001',
      body: { mobile: PHONE, content: expect.stringMatching(TEXT) },
    });

    h.clock.advanceMinutes(1);
    const typed = { ...notices, gateway: { ...notices.gateway!, token: 'token-second-0002' } };
    const replaced = await ok('changeSettings', h.save(typed));
    expect(replaced.changes).toEqual([{ section: 'notices', key: null, kind: 'changed', fields: ['gateway'] }]);
    await ok('testNotice', h.test().then(toReply));
    await until(() => gw.received.length === 2);
    expect(gw.received[1]!.authorization).toBe('Bearer token-second-0002');
    const detail = await ok('settingsVersion', h.manager.get(`/api/settings/versions/${replaced.version}`));
    expect(JSON.stringify(detail)).not.toContain('token-second-0002');

    // A rollback to the first version brings its timeout back, not its token: a replaced token may have leaked.
    h.clock.advanceMinutes(1);
    await ok(
      'rollbackSettings',
      h.manager.post('/api/settings/rollback', {
        requestId: rid('rollback'),
        baseVersion: replaced.version,
        toVersion: view.version,
      }),
    );
    expect((await h.settings()).hall.notices?.gateway?.timeoutSeconds).toBe(5);
    await ok('testNotice', h.test().then(toReply));
    await until(() => gw.received.length === 3);
    expect(gw.received[2]!.authorization).toBe('Bearer token-second-0002');
  });

  it('a test SMS a minute after the last, else 429 with Retry-After; a repeat of one request is answered again', async () => {
    const gw = await gateway();
    const h = await openNotices(gatewayHall(gw.url, 'token-first-0001'));
    const requestId = rid('test');
    const first = await ok('testNotice', h.test(requestId).then(toReply));
    expect((await ok('testNotice', h.test(requestId).then(toReply))).notice.id).toBe(first.notice.id);
    h.clock.advanceMs(45_000);
    expect(tooMany(await h.test(), /a minute/)).toBe(15);
    h.clock.advanceMs(15_000);
    await ok('testNotice', h.test().then(toReply));
    await until(() => gw.received.length === 2);
    expect((await h.notices()).filter((n) => n.kind === 'test')).toHaveLength(2);
  });

  it('refuses a bad section naming its field, and keeps the settings as they were', async () => {
    const gw = await gateway();
    const h = await openNotices(gatewayHall(gw.url, 'token-first-0001'));
    const before = await h.settings();
    const notices = before.hall.notices!;
    const error = await refused(
      h.save({
        ...notices,
        gateway: { ...notices.gateway!, url: `${gw.url}?key=1`, body: { mobile: '{{phone}}' } },
        maxAttempts: 0,
      }),
      400,
      'validation_failed',
    );
    expect(error.fields?.map((f) => f.path).sort()).toEqual([
      'notices.gateway.body',
      'notices.gateway.url',
      'notices.maxAttempts',
    ]);
    expect((await h.settings()).version).toBe(before.version);
  });
});

describe('who may change how notices go out, and send a test SMS', () => {
  it('the manager; not a clerk, a guide, a device, nobody, nor a chief representative where the hall lets them edit', async () => {
    const h = await openNotices();
    const url = h.server.url;
    const chief = api(url, await login(url, 'z01', 'demo'));
    const others = [
      api(url, await login(url, 'c01', 'demo')),
      api(url, await login(url, 'g01', 'demo')),
      api(url, KIOSK_KEY),
      api(url),
    ];
    for (const who of [...others, chief]) {
      const answer = await who.post('/api/notices/test', { requestId: rid(), phone: PHONE });
      expect([401, 403]).toContain(answer.status);
    }
    const value = { sender: 'gateway', gateway: { url: 'http://127.0.0.1:9/sms' } };
    for (const who of others) {
      const answer = await who.post('/api/settings/sections/notices', { requestId: rid(), baseVersion: 1, value });
      expect([401, 403]).toContain(answer.status);
    }
    const policy = (await h.settings()).hall.policy;
    await ok(
      'changeSettings',
      h.manager.post('/api/settings/sections/policy', {
        requestId: rid(),
        baseVersion: (await h.settings()).version,
        value: { ...policy, chiefsEditOwnDepartment: true },
      }),
    );
    const view = await ok('settings', chief.get('/api/settings'));
    expect(view.tokensSet).toEqual({ ratingUpload: false, gateway: false });
    await refused(
      chief.post('/api/settings/sections/notices', { requestId: rid(), baseVersion: view.version, value }),
      403,
      'forbidden',
    );
    expect((await h.settings()).hall.notices).toBeUndefined();
  });
});

/** An answer from `sendFrom` as `ok` and `refused` read it. */
const toReply = (answer: { status: number; body: unknown }) => ({ status: answer.status, body: answer.body });
