import { describe, expect, it } from 'vitest';
import { detail, queue, settle, snapshot, testCounter, ticket } from '../../test-services';
import { alerts, queueRows, ticketMarks } from './selectors';

describe('the queues of the window', () => {
  it('list each served type in the window’s order with its next numbers from the window detail', async () => {
    const panel = testCounter();
    panel.store.setState({ session: { ...panel.state().session!, window: 1 } }); // window 1 serves help, personal
    const next = [ticket({ id: 'h1', number: 'M001', windowType: 'help', priority: 'elderly' })];
    panel.api.window.mockResolvedValue(
      detail({
        queues: [
          { windowType: 'help', waiting: 1, next },
          { windowType: 'personal', waiting: 0, next: [] },
        ],
      }),
    );
    panel.online(snapshot({ queues: [queue('help', { waiting: 1 }), queue('personal', { waiting: 0 })] }));
    await settle();
    const rows = queueRows(panel.state());
    expect(rows.map((r) => [r.code, r.name, r.waiting])).toEqual([
      ['help', '帮办代办', 1],
      ['personal', '个人综窗', 0],
    ]);
    expect(rows[0]!.next.map((t) => t.number)).toEqual(['M001']);
  });
});

describe('the alerts', () => {
  it('raise empty posts and long waits only for the types this window serves', () => {
    const panel = testCounter(); // window 3 serves personal (target wait 20 min)
    panel.online(
      snapshot({
        emptyPosts: ['personal', 'tax'],
        queues: [
          queue('personal', { waiting: 4, longestWaitMinutes: 21 }),
          queue('tax', { waiting: 9, longestWaitMinutes: 90 }),
        ],
      }),
    );
    const now = alerts(panel.state());
    expect(now.emptyPosts.map((r) => r.code)).toEqual(['personal']);
    expect(now.longWaits.map((r) => [r.code, r.longestWaitMinutes, r.targetWaitMinutes])).toEqual([
      ['personal', 21, 20],
    ]);
  });

  it('do not call a wait long until it is past the target', () => {
    const panel = testCounter();
    panel.online(snapshot({ queues: [queue('personal', { waiting: 4, longestWaitMinutes: 20 })] }));
    expect(alerts(panel.state()).longWaits).toEqual([]);
  });
});

describe('ticket marks', () => {
  it('name the priority group, the window it came from and whether it was sent to this very window', () => {
    const t = ticket({
      priority: 'disabled',
      transfer: { fromWindow: 6, toWindowType: 'personal', toWindow: 3, note: '需补录' },
    });
    expect(ticketMarks(t, 3)).toEqual({
      priority: '残疾人',
      transfer: { fromWindow: 6, toThisWindow: true, note: '需补录' },
      appointment: false,
    });
  });
});
