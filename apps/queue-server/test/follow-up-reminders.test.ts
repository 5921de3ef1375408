import { describe, expect, it } from 'vitest';
import type { FollowUp, HallConfig, Notice } from '@hallq/shared/contracts';
import { NoticesConfig } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { api, demoHall, login, rid } from './harness';
import { nthRequest, ratingRigs, type Rig } from './rating-rig';

const rigs = ratingRigs();

/** The demo hall with 回访提醒 on (or off), the chief representative z01 with a work mobile, c03 without. */
function hallWithReminders(on: boolean): HallConfig {
  const hall = demoHall();
  return {
    ...hall,
    notices: NoticesConfig.parse({ followUpReminders: on }),
    staff: hall.staff.map((s) => (s.id === 'z01' ? { ...s, phone: '13712345678' } : s)),
  };
}

/** A service at window 3 rated badly; the follow-up it opened. */
async function badRating(h: Rig, admin: ReturnType<typeof api>): Promise<FollowUp> {
  const pad = await h.pad(3);
  await h.serve(3, 'c03');
  const request = await nthRequest(pad, 1);
  const { rating } = await ok(
    'submitRating',
    pad.answer(request.id, {
      level: 'very_dissatisfied',
      reason: { code: 'attitude', text: '态度差，电话 13900001111' },
    }),
  );
  const { followUps } = await ok('followUps', admin.get('/api/follow-ups'));
  return followUps.find((f: FollowUp) => f.rating.id === rating.id)!;
}

const notices = async (admin: ReturnType<typeof api>): Promise<Notice[]> =>
  (await ok('notices', admin.get('/api/notices'))).notices;

describe('回访提醒: a text to the member of staff a 差评 follow-up is assigned to', () => {
  it('queues one notice to the assignee’s work mobile with the deadline, and nothing of the citizen in it', async () => {
    const h = await rigs.open({ hall: hallWithReminders(true) });
    const admin = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const followUp = await badRating(h, admin);
    const assign = (staffId: string) =>
      ok('assignFollowUp', admin.post(`/api/follow-ups/${followUp.id}/assign`, { requestId: rid(), staffId }));
    await assign('z01');
    const [notice] = await notices(admin);
    expect(notice).toMatchObject({
      kind: 'follow_up_callback',
      phone: '13712345678',
      status: 'at_window', // the demo hall's sender is the window: the office phones its own staff
    });
    expect(notice!.text).toContain(followUp.deadline);
    expect(notice!.text).toContain(followUp.rating.ticketNumber);
    expect(notice!.text).not.toMatch(/态度|13900001111/);
    // Assigned again to the same person: no second text.
    await assign('c03');
    await assign('z01');
    expect(await notices(admin)).toHaveLength(1);
  });

  it('sends nothing to someone without a work mobile, nor when the hall has not turned the reminders on', async () => {
    const h = await rigs.open({ hall: hallWithReminders(true) });
    const admin = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const followUp = await badRating(h, admin);
    await ok(
      'assignFollowUp',
      admin.post(`/api/follow-ups/${followUp.id}/assign`, { requestId: rid(), staffId: 'c03' }),
    );
    expect(await notices(admin)).toEqual([]);

    const off = await rigs.open({ hall: hallWithReminders(false) });
    const offAdmin = api(off.server.url, await login(off.server.url, 'admin', 'admin'));
    const other = await badRating(off, offAdmin);
    await ok(
      'assignFollowUp',
      offAdmin.post(`/api/follow-ups/${other.id}/assign`, { requestId: rid(), staffId: 'z01' }),
    );
    expect(await notices(offAdmin)).toEqual([]);
  });
});
