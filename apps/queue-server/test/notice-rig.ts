import Database from 'better-sqlite3';
import type { HallConfig, NoticeStatus } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import type { HallSocket, ManualClock, TestServer } from './harness';
import { demoHall, rid, until } from './harness';
import { connectLocker, depositBody, pickupStaff } from './locker-rig';

/** The demo hall with a `notices` section (the window sender when none is given). */
export function noticeHall(notices?: HallConfig['notices']): HallConfig {
  return { ...demoHall(), ...(notices && { notices }) };
}

type Opened = { server: TestServer; clock: ManualClock };

/**
 * A hall with a locker, the pickup-window clerk and the manager: `store` deposits and has the door shut, so the
 * item's pickup notice is queued; `collect` takes it out with the code. `wake` has the sender look at the queue now
 * (after a test moved the hall clock past a retry), rather than when its timer would.
 */
export async function noticeRig<H extends Opened>(h: H, keep: <C extends { socket: HallSocket }>(c: C) => C) {
  const staff = await pickupStaff(h.server.url);
  const locker = keep(await connectLocker(h.server.url));
  const list = async (status?: NoticeStatus) =>
    ok('notices', staff.manager.get(`/api/notices${status ? `?status=${status}` : ''}`));
  const notice = async (id: string) => (await list()).notices.find((n) => n.id === id)!;
  return {
    ...h,
    ...staff,
    locker,
    list,
    notice,
    /** Waits until the notice reaches `status` (the sender works after the commit, on its own). */
    async reaches(id: string, status: NoticeStatus) {
      let last = await notice(id);
      const deadline = Date.now() + 3000;
      while (last.status !== status && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 10));
        last = await notice(id);
      }
      if (last.status !== status) throw new Error(`notice ${id} is ${last.status}, not ${status}`);
      return last;
    },
    async wake() {
      h.server.notices.queue.nudge();
      await h.server.notices.queue.settled();
    },
    async store(fields: Record<string, unknown> = {}) {
      const deposit = await ok('deposit', staff.clerk.post('/api/lockers/locker-1/deposits', depositBody(fields)));
      await locker.report(deposit.commandId, 'opened');
      await locker.report(deposit.commandId, 'closed');
      const { notices } = await list();
      return { deposit, notice: notices[0]! };
    },
    async collect(code: string) {
      const answer = await locker.collect(code);
      if (answer.result !== 'opening') throw new Error(`the code did not open a door: ${JSON.stringify(answer)}`);
      await locker.report(answer.commandId, 'opened');
      await locker.report(answer.commandId, 'closed');
    },
    action: (id: string, action: 'resend' | 'hand-to-window' | 'relayed', requestId = rid(action)) =>
      staff.manager.post(`/api/notices/${id}/${action}`, { requestId }),
    db: () => new Database(h.server.database.path, { readonly: true }),
    until,
  };
}

/** The code a pickup notice's text carries. */
export const codeIn = (text: string | null): string => /取件码 (\d{6})/.exec(text ?? '')![1]!;
