import { describe, expect, it } from 'vitest';
import { testCounter, ticket, withCurrent } from '../../test-services';
import { serviceTimer } from './selectors';

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
