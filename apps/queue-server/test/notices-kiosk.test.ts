import { createServer, connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startNoticeAgent, type NoticeAgent } from '@hallq/devices';
import { hasSocat, simulatedSmsModemLine, type SimulatedSmsModemLine } from '@hallq/devices/simulation';
import { fieldErrors, HallConfig as HallConfigSchema, type HallConfig } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { api, DISPLAY_KEY, hallPerTest, KIOSK_KEY, rid } from './harness';
import { LOCKER_KEY } from './locker-rig';
import { noticeHall, noticeRig } from './notice-rig';

// Registered in this order so that they run the other way round: the agents stop, then the servers, then the lines.
const lines: SimulatedSmsModemLine[] = [];
afterEach(async () => {
  for (const line of lines.splice(0)) await line.close();
});
const { open, keep } = hallPerTest();
const agents: NoticeAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.splice(0).map((a) => a.stop()));
});

/** The demo hall's second kiosk, on the second floor: not the one with the modem. */
const OTHER_KIOSK_KEY = 'demo-kiosk-2';

const kioskHall = (notices: Partial<NonNullable<HallConfig['notices']>> = {}): HallConfig =>
  noticeHall({
    sender: 'kiosk',
    kiosk: 'kiosk-1',
    retrySeconds: 10,
    maxRetrySeconds: 20,
    maxAttempts: 3,
    overdueReminder: true,
    followUpReminders: false,
    ...notices,
  });

async function openKioskHall() {
  return noticeRig(await open({ hall: kioskHall() }), keep);
}

type Rig = Awaited<ReturnType<typeof openKioskHall>>;

/** The kiosk's notice agent in this process, on the simulated modem, pausing only briefly between claims. */
function startAgent(h: Rig, line: SimulatedSmsModemLine, log: string[] = [], statusMs?: number) {
  const agent = startNoticeAgent({
    serverUrl: h.server.url,
    deviceKey: KIOSK_KEY,
    modem: { path: line.path, baudRate: 115200 },
    idleMs: 10,
    backoffMs: 10,
    maxBackoffMs: 50,
    log: (l) => log.push(l),
    ...(statusMs !== undefined && { statusMs }),
  });
  agents.push(agent);
  return agent;
}

async function withAgent(statusMs?: number) {
  const h = await openKioskHall();
  const line = await simulatedSmsModemLine();
  lines.push(line);
  const log: string[] = [];
  const agent = startAgent(h, line, log, statusMs);
  await ready(h);
  return { ...h, line, sim: line.simulator, agent, log };
}

/** Until the agent has reported its modem: from then on it asks for notices. */
async function ready(h: Rig) {
  await until(async () => (await h.list()).sender.ready);
}

/** Waits until `check` holds, asking again every few milliseconds. */
async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until the notice has been tried `n` times. */
async function waitAttempts(h: Rig, id: string, n: number) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const notice = await h.notice(id);
    if (notice.attempts >= n || Date.now() > deadline) return notice;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const claimBody = () => ({ requestId: rid('claim') });

/** Claims until the queue has offered its due notice (it does so just after the commit), the same request each time. */
async function claimDue(h: Rig, claim = claimBody()) {
  const deadline = Date.now() + 3000;
  for (;;) {
    const answer = await ok('claimNotice', h.kiosk.post('/api/notice-agent/claim', claim));
    if (answer.notice || Date.now() > deadline) return answer;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const modemStatus = { signal: 18, registered: true, registration: 'home', problem: null };

describe.skipIf(!hasSocat())(
  'notices through the 短信猫 on a kiosk’s PC (its agent, the simulator on a real pty)',
  () => {
    it('a deposit’s notice goes out through the kiosk’s modem, and its delivery report marks it delivered and erases it', async () => {
      const h = await withAgent();
      expect((await h.list()).sender).toEqual({
        kind: 'kiosk',
        ready: true,
        detail: '取号机 kiosk-1：信号 20/31，已注册',
      });
      const { notice } = await h.store();
      expect(notice).toMatchObject({ sender: 'kiosk' });
      const sent = await h.reaches(notice.id, 'sent');
      expect(sent).toMatchObject({ sender: 'kiosk', attempts: 1, lastError: null, sentAt: '2025-06-11T02:00:00.000Z' });
      expect(h.sim.messages).toEqual([expect.objectContaining({ recipient: '13800138000', text: sent.text })]);
      const references = h.sim.messages[0]!.references;
      expect(references.length).toBeGreaterThan(1);

      h.clock.advanceMs(30_000);
      for (const reference of references) h.sim.deliver({ reference });
      expect(await h.reaches(notice.id, 'delivered')).toMatchObject({
        phone: '138****8000',
        text: null,
        deliveredAt: '2025-06-11T02:00:30.000Z',
        erasedAt: '2025-06-11T02:00:30.000Z',
      });
      // Nothing of the notice in what the agent logged.
      expect(h.log.join('\n')).not.toMatch(/13800138000|取件码/);
    });

    it('a modem failure is tried again after the hall’s wait, then the notice fails, listed with why', async () => {
      const h = await withAgent();
      for (let i = 0; i < 3; i++) h.sim.failNextSend(38);
      const { notice } = await h.store();
      expect(await waitAttempts(h, notice.id, 1)).toMatchObject({
        status: 'pending',
        lastError: '+CMS ERROR 38: network out of order',
        nextAttemptAt: '2025-06-11T02:00:10.000Z',
      });
      h.clock.advanceMs(10_000);
      await h.wake();
      expect(await waitAttempts(h, notice.id, 2)).toMatchObject({ nextAttemptAt: '2025-06-11T02:00:30.000Z' });
      h.clock.advanceMs(20_000);
      await h.wake();
      expect(await h.reaches(notice.id, 'failed')).toMatchObject({
        attempts: 3,
        nextAttemptAt: null,
        lastError: '+CMS ERROR 38: network out of order',
      });
      expect(h.sim.messages).toEqual([]);
    });

    it('a notice whose agent claimed it and died is tried again once the lease ends, and sent once the agent is back', async () => {
      const h = await withAgent();
      // A modem that hangs holds the agent mid-send: the first command it hears after the claim is the send's.
      h.sim.silent = true;
      const sending = new Promise<void>((resolve) => h.sim.once('command', () => resolve()));
      const { notice } = await h.store();
      await sending;
      await h.agent.stop();
      expect(await h.notice(notice.id)).toMatchObject({ status: 'pending', attempts: 0 });
      h.sim.silent = false;

      h.clock.advanceMinutes(5);
      startAgent(h, h.line);
      await ready(h);
      expect(await waitAttempts(h, notice.id, 1)).toMatchObject({
        status: 'pending',
        lastError: 'kiosk kiosk-1 claimed the notice and did not report within the lease',
        nextAttemptAt: '2025-06-11T02:05:10.000Z',
      });
      expect(h.sim.messages).toEqual([]);
      h.clock.advanceMs(10_000);
      await h.wake();
      expect(await h.reaches(notice.id, 'sent')).toMatchObject({ attempts: 2, lastError: null });
      expect(h.sim.messages).toHaveLength(1);
    });

    it('an agent whose modem is off the network says so and claims nothing; once the modem is back it sends', async () => {
      // The agent asks its modem every few milliseconds here, rather than every 20 s.
      const h = await withAgent(10);
      h.sim.registration = 'searching';
      const off = { kind: 'kiosk', ready: false, detail: '取号机 kiosk-1：信号 20/31，未注册（searching）' };
      await until(async () => JSON.stringify((await h.list()).sender) === JSON.stringify(off));
      const { notice } = await h.store();
      h.clock.advanceMs(60_000);
      expect(await waitAttempts(h, notice.id, 1)).toMatchObject({ lastError: 'kiosk kiosk-1 did not take the notice' });
      h.sim.registration = 'home';
      await ready(h);
      h.clock.advanceMs(10_000);
      await h.wake();
      expect(await h.reaches(notice.id, 'sent')).toMatchObject({ attempts: 2 });
      expect(h.sim.messages).toHaveLength(1);
    });

    it('an agent that cannot reach the server keeps trying, says so once, and sends once the link is back', async () => {
      const h = await openKioskHall();
      const line = await simulatedSmsModemLine();
      lines.push(line);
      // The kiosk reaches the server through a link that is down at first (a cable pulled, a switch restarting).
      const link = await linkTo(new URL(h.server.url));
      const log: string[] = [];
      agents.push(
        startNoticeAgent({
          serverUrl: link.url,
          deviceKey: KIOSK_KEY,
          modem: { path: line.path, baudRate: 115200 },
          idleMs: 10,
          backoffMs: 10,
          maxBackoffMs: 50,
          log: (l) => log.push(l),
        }),
      );
      const { notice } = await h.store();
      await until(async () => link.refused > 3);
      expect(log.filter((l) => l.endsWith('trying again'))).toHaveLength(1);
      expect(line.simulator.messages).toEqual([]);
      // With no agent heard from, the queue's try failed at once; the next, after the hall's wait, finds it back.
      expect(await waitAttempts(h, notice.id, 1)).toMatchObject({ status: 'pending' });
      link.up = true;
      await ready(h);
      h.clock.advanceMs(10_000);
      await h.wake();
      expect(await h.reaches(notice.id, 'sent')).toMatchObject({ attempts: 2 });
      expect(line.simulator.messages).toHaveLength(1);
      expect(log.at(-1)).toBe('working again');
      link.close();
    });
  },
);

/** A TCP link to the server that refuses every connection while `up` is false, counting them. */
async function linkTo(target: URL) {
  const state = { up: false, refused: 0 };
  const server = createServer((socket) => {
    if (!state.up) {
      state.refused++;
      socket.destroy();
      return;
    }
    const far = connect(Number(target.port), target.hostname);
    socket.pipe(far).pipe(socket);
    far.on('error', () => socket.destroy());
    socket.on('error', () => far.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => server.close(),
  });
}

describe('the kiosk’s claims (the agent’s protocol over HTTP)', () => {
  it('hands the due notice to one claim, the same again to its repeat, nothing to another; a result is taken once', async () => {
    const h = await openKioskHall();
    expect((await h.list()).sender).toEqual({
      kind: 'kiosk',
      ready: false,
      detail: '取号机 kiosk-1 的短信代理尚未报告',
    });
    await ok('noticeAgentStatus', h.kiosk.post('/api/notice-agent/status', modemStatus));
    const { notice } = await h.store();
    const claim = claimBody();
    const claimed = await claimDue(h, claim);
    expect(claimed.notice).toEqual({ id: notice.id, phone: '13800138000', text: notice.text, leaseSeconds: 300 });
    expect(await ok('claimNotice', h.kiosk.post('/api/notice-agent/claim', claim))).toEqual(claimed);
    expect(await ok('claimNotice', h.kiosk.post('/api/notice-agent/claim', claimBody()))).toEqual({ notice: null });

    const result = { requestId: rid('result'), outcome: 'sent', references: [7] };
    const path = `/api/notice-agent/${notice.id}/result`;
    expect(await ok('noticeResult', h.kiosk.post(path, result))).toEqual({ applied: true });
    expect(await h.reaches(notice.id, 'sent')).toMatchObject({ sender: 'kiosk', attempts: 1 });
    expect(await ok('noticeResult', h.kiosk.post(path, result))).toEqual({ applied: true });
    const late = { requestId: rid('result'), outcome: 'failed', error: 'timed out', retry: true };
    expect(await ok('noticeResult', h.kiosk.post(path, late))).toEqual({ applied: false });
    expect(await h.notice(notice.id)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });

    const report = { requestId: rid('reports'), reports: [{ reference: 7, state: 'delivered', meaning: 'received' }] };
    await ok('noticeReports', h.kiosk.post('/api/notice-agent/reports', report));
    expect(await h.reaches(notice.id, 'delivered')).toMatchObject({ text: null, phone: '138****8000' });
  });

  it('an offer no agent takes within the minute is a failed try, and an agent silent for a minute is not ready', async () => {
    const h = await openKioskHall();
    await ok('noticeAgentStatus', h.kiosk.post('/api/notice-agent/status', modemStatus));
    expect((await h.list()).sender).toEqual({
      kind: 'kiosk',
      ready: true,
      detail: '取号机 kiosk-1：信号 18/31，已注册',
    });
    const { notice } = await h.store();
    h.clock.advanceMs(61_000);
    expect((await h.list()).sender).toEqual({
      kind: 'kiosk',
      ready: false,
      detail: '取号机 kiosk-1 的短信代理 61 秒未报告',
    });
    expect(await waitAttempts(h, notice.id, 1)).toMatchObject({
      status: 'pending',
      lastError: 'kiosk kiosk-1 did not take the notice',
    });
  });
});

describe('the notice agent’s routes are the named kiosk’s (scope)', () => {
  const routes = (id: string) =>
    [
      ['/api/notice-agent/claim', claimBody()],
      [`/api/notice-agent/${id}/result`, { requestId: rid(), outcome: 'failed', error: 'x', retry: true }],
      [
        '/api/notice-agent/reports',
        { requestId: rid(), reports: [{ reference: 1, state: 'delivered', meaning: 'x' }] },
      ],
      ['/api/notice-agent/status', modemStatus],
    ] as const;

  it('another kiosk, every other device key and all staff (the manager too) are refused 403, no key 401; the named kiosk may', async () => {
    const h = await openKioskHall();
    await ok('noticeAgentStatus', h.kiosk.post('/api/notice-agent/status', modemStatus));
    const { notice } = await h.store();
    const outsiders = [
      api(h.server.url, OTHER_KIOSK_KEY),
      api(h.server.url, LOCKER_KEY),
      api(h.server.url, DISPLAY_KEY),
      h.clerk,
      h.manager,
    ];
    for (const who of outsiders)
      for (const [path, body] of routes(notice.id)) await refused(who.post(path, body), 403, 'forbidden');
    for (const [path, body] of routes(notice.id))
      await refused(api(h.server.url).post(path, body), 401, 'unauthorized');
    const other = await refused(api(h.server.url, OTHER_KIOSK_KEY).post(...routes(notice.id)[0]), 403, 'forbidden');
    expect(other.message).toBe('notices go out through kiosk kiosk-1, not this one');
    // Nothing was taken: the named kiosk's claim gets the notice.
    const claimed = await claimDue(h);
    expect(claimed.notice?.id).toBe(notice.id);
  });

  it('with notices not sent through a kiosk, even a kiosk’s key is refused 403', async () => {
    const h = await noticeRig(await open(), keep);
    const { notice } = await h.store();
    for (const [path, body] of routes(notice.id)) {
      const refusal = await refused(h.kiosk.post(path, body), 403, 'forbidden');
      expect(refusal.message).toBe('the hall sends no notices through a kiosk (notices.sender)');
    }
  });
});

describe('notices.kiosk in the hall file', () => {
  it('must name a kiosk of devices.kiosks, and is needed with sender kiosk', () => {
    const unknown = HallConfigSchema.safeParse(kioskHall({ kiosk: 'kiosk-9' }));
    expect(fieldErrors(unknown.error!)).toEqual([
      { path: 'notices.kiosk', message: 'unknown kiosk "kiosk-9" (not in devices.kiosks)' },
    ]);
    const missing = HallConfigSchema.safeParse({ ...noticeHall(), notices: { sender: 'kiosk' } });
    expect(fieldErrors(missing.error!)).toEqual([{ path: 'notices.kiosk', message: expect.stringContaining('kiosk') }]);
    expect(HallConfigSchema.parse(kioskHall()).notices).toMatchObject({ sender: 'kiosk', kiosk: 'kiosk-1' });
  });
});
