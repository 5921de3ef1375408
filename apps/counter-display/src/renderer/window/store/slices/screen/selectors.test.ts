import { describe, expect, it } from 'vitest';
import { hall, snapshot, ticket, windowState } from '../../../../display/store/test-services';
import { windowScreen } from './selectors';

describe('windowScreen', () => {
  it('shows the number being served and the clerk by staff number only', () => {
    const feed = snapshot({
      windows: [windowState(3, { clerk: 'c03', currentTicket: 't-A001' })],
      tickets: [ticket('A001', { state: 'serving' })],
    });
    expect(windowScreen(hall(), feed, 3)).toMatchObject({
      config: { name: { zh: '3号窗口' } },
      status: 'serving',
      ticket: 'A001',
      clerk: { staffId: 'c03', name: null },
    });
  });

  it('names the clerk where the hall shows names', () => {
    const feed = snapshot({ windows: [windowState(3, { clerk: 'c03' })] });
    expect(windowScreen(hall({ clerkNames: { c03: '张三' } }), feed, 3).clerk).toEqual({
      staffId: 'c03',
      name: '张三',
    });
  });

  it('says a called ticket is being called, and an open window without one is waiting to call', () => {
    const feed = snapshot({ windows: [windowState(3, { currentTicket: 't-A002' })], tickets: [ticket('A002')] });
    expect(windowScreen(hall(), feed, 3)).toMatchObject({ status: 'called', ticket: 'A002' });
    expect(windowScreen(hall(), snapshot({ windows: [windowState(3)] }), 3)).toMatchObject({
      status: 'idle',
      ticket: null,
    });
  });

  it('says why a paused window is not calling, lunch included, and treats a pause without a reason as other', () => {
    const paused = (pauseReason: 'lunch' | null) =>
      windowScreen(hall(), snapshot({ windows: [windowState(3, { status: 'paused', pauseReason })] }), 3).status;
    expect(paused('lunch')).toBe('lunch');
    expect(paused(null)).toBe('other');
  });

  it('shows a closed window as closed, with nobody at it', () => {
    const feed = snapshot({ windows: [windowState(3, { status: 'closed', clerk: null })] });
    expect(windowScreen(hall(), feed, 3)).toMatchObject({ status: 'closed', clerk: null });
  });

  it('knows nothing of the window before the first snapshot', () => {
    expect(windowScreen(hall(), null, 3)).toMatchObject({ status: null, ticket: null, config: { number: 3 } });
  });
});
