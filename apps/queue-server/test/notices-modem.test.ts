import { afterEach, describe, expect, it } from 'vitest';
import type { HallConfig } from '@hallq/shared/contracts';
import { hasSocat, simulatedSmsModemLine, type SimulatedSmsModemLine } from '@hallq/devices/simulation';
import { ok } from './expect-reply';
import { hallPerTest } from './harness';
import { codeIn, noticeHall, noticeRig } from './notice-rig';

// Registered before the halls', so it runs after them: the servers let go of the modem before its line closes.
const lines: SimulatedSmsModemLine[] = [];
afterEach(async () => {
  for (const line of lines.splice(0)) await line.close();
});
const { open, keep } = hallPerTest();

async function modemLine() {
  const line = await simulatedSmsModemLine();
  lines.push(line);
  return line;
}

const modemHall = (path: string): HallConfig =>
  noticeHall({
    sender: 'modem',
    modem: { path, baudRate: 115200, deliveryReports: true },
    retrySeconds: 30,
    maxRetrySeconds: 1800,
    maxAttempts: 3,
    overdueReminder: true,
    followUpReminders: false,
  });

async function openModemHall(options: { dataDir?: string } = {}) {
  const line = await modemLine();
  const h = await noticeRig(await open({ hall: modemHall(line.path), ...options }), keep);
  return { ...h, line, sim: line.simulator };
}

describe.skipIf(!hasSocat())('notices through the SMS modem (the simulator on a real pty)', () => {
  it('a deposit’s notice goes out through the modem, and the delivery report marks it delivered and erases it', async () => {
    const h = await openModemHall();
    const { notice } = await h.store();
    const sent = await h.reaches(notice.id, 'sent');
    expect(sent).toMatchObject({ sender: 'modem', attempts: 1, lastError: null, sentAt: '2025-06-11T02:00:00.000Z' });
    expect(h.sim.messages).toHaveLength(1);
    expect(h.sim.messages[0]).toMatchObject({ recipient: '13800138000', text: sent.text });
    // A Chinese text of this length goes in more than one part: delivered once every part is.
    expect(h.sim.messages[0]!.references.length).toBeGreaterThan(1);
    expect((await h.list()).sender).toMatchObject({ kind: 'modem', ready: true, detail: '信号 20/31，已注册' });

    h.clock.advanceMinutes(1);
    const [first, ...rest] = h.sim.messages[0]!.references;
    h.sim.deliver({ reference: first! });
    const db = h.db();
    const delivered = () => db.prepare('SELECT refs_delivered FROM notices').pluck().get();
    await h.until(() => delivered() === JSON.stringify([first]));
    expect((await h.notice(notice.id)).status).toBe('sent');
    for (const reference of rest) h.sim.deliver({ reference });
    expect(await h.reaches(notice.id, 'delivered')).toMatchObject({
      phone: '138****8000',
      text: null,
      deliveredAt: '2025-06-11T02:01:00.000Z',
      erasedAt: '2025-06-11T02:01:00.000Z',
    });
    expect(db.prepare('SELECT phone FROM locker_items').pluck().get()).toBe('138****8000');
    db.close();
  });

  it('a modem that fails to send is tried again after a doubling wait, then the notice fails, listed with why; a resend sends it once', async () => {
    const h = await openModemHall();
    for (let i = 0; i < 3; i++) h.sim.failNextSend(38);
    const { notice } = await h.store();
    let now = await waitAttempts(h, notice.id, 1);
    expect(now).toMatchObject({
      status: 'pending',
      lastError: '+CMS ERROR 38: network out of order',
      nextAttemptAt: '2025-06-11T02:00:30.000Z',
    });
    // Not due yet: waking the sender sends nothing.
    await h.wake();
    h.clock.advanceMs(29_000);
    await h.wake();
    expect((await h.notice(notice.id)).attempts).toBe(1);
    h.clock.advanceMs(1_000);
    await h.wake();
    now = await waitAttempts(h, notice.id, 2);
    expect(now.nextAttemptAt).toBe('2025-06-11T02:01:30.000Z');
    h.clock.advanceMs(60_000);
    await h.wake();
    const failed = await h.reaches(notice.id, 'failed');
    expect(failed).toMatchObject({
      attempts: 3,
      nextAttemptAt: null,
      lastError: '+CMS ERROR 38: network out of order',
    });
    expect(failed.text).not.toBeNull();
    const listed = await h.list('failed');
    expect(listed.notices.map((n) => n.id)).toEqual([notice.id]);
    expect(listed.counts.failed).toBe(1);
    expect(h.sim.messages).toHaveLength(0);

    const resent = await ok('resendNotice', h.action(notice.id, 'resend'));
    expect(resent.notice).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    expect(await h.reaches(notice.id, 'sent')).toMatchObject({ attempts: 1 });
    expect(h.sim.messages).toHaveLength(1);
  });

  it('a notice handed to the window is not sent any more, and the clerk’s relaying erases it', async () => {
    const h = await openModemHall();
    h.sim.registration = 'none';
    const { notice } = await h.store();
    expect(await waitAttempts(h, notice.id, 1)).toMatchObject({ lastError: expect.stringMatching(/no network/) });
    const handed = await ok('handNoticeToWindow', h.action(notice.id, 'hand-to-window'));
    expect(handed.notice).toMatchObject({ status: 'at_window', sender: 'window', nextAttemptAt: null });
    h.sim.registration = 'home';
    h.clock.advanceMinutes(60);
    await h.wake();
    expect((await h.notice(notice.id)).status).toBe('at_window');
    expect(h.sim.messages).toHaveLength(0);
    expect((await ok('noticeRelayed', h.action(notice.id, 'relayed'))).notice.status).toBe('relayed');
    expect(await h.notice(notice.id)).toMatchObject({ text: null, phone: '138****8000' });
  });

  it('a notice whose item is collected before it goes out is withdrawn and erased, and never sent', async () => {
    const h = await openModemHall();
    h.sim.registration = 'none';
    const { notice } = await h.store();
    const code = codeIn((await waitAttempts(h, notice.id, 1)).text);
    await h.collect(code);
    expect(await h.notice(notice.id)).toMatchObject({ status: 'withdrawn', text: null, phone: '138****8000' });
    h.sim.registration = 'home';
    h.clock.advanceMinutes(60);
    await h.wake();
    expect(h.sim.messages).toHaveLength(0);
  });

  it('a notice still pending when the server stops (as after kill -9) goes out once when it starts again', async () => {
    const first = await openModemHall();
    first.sim.registration = 'none';
    const { notice } = await first.store();
    await waitAttempts(first, notice.id, 1);
    await first.server.close();

    // The same data, the same modem, its network back.
    first.sim.registration = 'home';
    const again = await noticeRig(
      await open({
        hall: modemHall(first.line.path),
        dataDir: first.server.dataDir,
        start: '2025-06-11T02:05:00.000Z',
      }),
      keep,
    );
    expect(await again.reaches(notice.id, 'sent')).toMatchObject({ attempts: 2 });
    await again.wake();
    expect(first.sim.messages).toHaveLength(1);
    expect(first.sim.messages[0]!.text).toContain(codeIn((await again.notice(notice.id)).text));
  });
});

/** Waits until the notice has been tried `n` times. */
async function waitAttempts(h: Awaited<ReturnType<typeof noticeRig>>, id: string, n: number) {
  const deadline = Date.now() + 3000;
  for (;;) {
    const notice = await h.notice(id);
    if (notice.attempts >= n || Date.now() > deadline) return notice;
    await new Promise((r) => setTimeout(r, 10));
  }
}
