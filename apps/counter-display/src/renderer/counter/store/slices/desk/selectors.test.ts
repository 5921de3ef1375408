import type { HallCalendar } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { HALL_DAY, demoHall, snapshot, testCounter, ticket, windowState, withCurrent } from '../../test-services';
import type { DeskAction } from './state';
import { availability, holder, initialFinishDraft, serviceTimer } from './selectors';

describe('the service timer', () => {
  // personal: defaultServiceMinutes 8 and no targetServiceMinutes in the demo hall.
  const serving = ticket({ state: 'serving', window: 3, calls: 1, startedAt: '2026-11-20T02:00:00.000Z' });

  it('counts from the start of service against the type’s target, amber past it and red at half as long again', () => {
    const panel = testCounter();
    panel.online(withCurrent(serving));
    panel.advance(7 * 60_000);
    expect(serviceTimer(panel.state())).toEqual({ elapsedMs: 7 * 60_000, targetMinutes: 8, level: 'ok' });
    panel.advance(60_000);
    expect(serviceTimer(panel.state())?.level).toBe('over');
    panel.advance(4 * 60_000);
    expect(serviceTimer(panel.state())?.level).toBe('far_over');
  });

  it('uses the type’s targetServiceMinutes where the hall sets one', () => {
    const panel = testCounter();
    const hall = panel.state().hall!;
    const windowTypes = hall.windowTypes.map((t) => (t.code === 'personal' ? { ...t, targetServiceMinutes: 5 } : t));
    panel.store.setState({ hall: { ...hall, windowTypes } });
    panel.online(withCurrent(serving));
    expect(serviceTimer(panel.state())?.targetMinutes).toBe(5);
  });

  it('does not run before the citizen has arrived', () => {
    const panel = testCounter();
    panel.online(withCurrent({ ...serving, state: 'called', startedAt: null }));
    expect(serviceTimer(panel.state())).toBeNull();
  });
});

describe('the promised date of a 承办件', () => {
  /** The demo hall with 户口迁移 promised in 3 working days, and `calendar`. */
  const hall = (calendar: HallCalendar = { holidays: [], workdays: [] }) => {
    const demo = demoHall();
    const serviceItems = demo.serviceItems.map((s) =>
      s.code === 'hukou-transfer' ? { ...s, promisedWorkingDays: 3 } : s,
    );
    return { ...demo, serviceItems, calendar };
  };
  const accepted = ticket({ state: 'serving', window: 3, calls: 1, serviceItem: 'hukou-transfer' });
  const promised = (calendar?: HallCalendar) => initialFinishDraft(hall(calendar), HALL_DAY, accepted).promisedDate;

  it('counts working days, not opening days: accepted on a Friday in a hall open on Saturday, due on Wednesday', () => {
    expect(demoHall().hours.sat).not.toBeNull();
    expect(promised()).toBe('2026-11-25');
  });

  it('skips a holiday', () => {
    expect(promised({ holidays: ['2026-11-24'], workdays: [] })).toBe('2026-11-26');
  });

  it('counts a 调休 weekend day as a working day', () => {
    expect(promised({ holidays: [], workdays: [{ date: '2026-11-22', as: 'mon' }] })).toBe('2026-11-24');
  });
});

describe('the buttons', () => {
  const ACTIONS: DeskAction[] = ['callNext', 'recall', 'noShow', 'start', 'finish', 'transfer', 'pause', 'resume'];
  const reasons = (panel: ReturnType<typeof testCounter>) =>
    Object.fromEntries(ACTIONS.map((a) => [a, availability(panel.state(), a).reason]));

  it('say why each action is off, for a free window and for a ticket called or being served', () => {
    const free = testCounter();
    free.online();
    expect(reasons(free)).toEqual({
      callNext: null,
      recall: '无呼叫中的号',
      noShow: '无呼叫中的号',
      start: '无呼叫中的号',
      finish: '无办理中的号',
      transfer: '无当前号',
      pause: null,
      resume: '窗口未暂停',
    });
    const calledHere = ticket({ state: 'called', calls: 1, window: 3, clerk: 'c03' });
    const called = testCounter();
    called.online(withCurrent(calledHere));
    expect(reasons(called)).toMatchObject({
      callNext: '先处理当前号',
      noShow: '再呼叫 1 次后可过号',
      finish: '请先开始办理',
      pause: '先处理当前号',
    });
    const serving = testCounter();
    serving.online(withCurrent({ ...calledHere, state: 'serving' }));
    expect(reasons(serving)).toMatchObject({ recall: '已在办理', noShow: '已在办理', start: '已在办理', finish: null });
  });

  it('say a closed window is closed', () => {
    const panel = testCounter();
    panel.online(snapshot({ windows: [windowState({ status: 'closed' })] }));
    expect(reasons(panel)).toMatchObject({ callNext: '窗口已关闭', pause: '窗口未开放', resume: '窗口未暂停' });
  });
});

describe('who holds the window (A/B posts)', () => {
  const incoming = { clerk: 'c04', post: 'B' as const, since: '2025-05-06T02:00:00.000Z' };

  it('tells the clerk serving that the other post waits, and keeps the window theirs meanwhile', () => {
    const panel = testCounter();
    panel.online(snapshot({ windows: [windowState({ clerk: 'c03', incoming })] }));
    expect(holder(panel.state())).toMatchObject({ mine: true, waiting: false, incoming: { clerk: 'c04' } });
  });

  it('tells the clerk waiting that the window passes to them, with their buttons off until it does', () => {
    const panel = testCounter();
    panel.online(
      snapshot({ windows: [windowState({ clerk: 'c04', post: 'B', incoming: { ...incoming, clerk: 'c03' } })] }),
    );
    expect(holder(panel.state())).toMatchObject({ clerk: 'c04', mine: false, waiting: true });
    expect(availability(panel.state(), 'callNext')).toMatchObject({ enabled: false });
  });
});
