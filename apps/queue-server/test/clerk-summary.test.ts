import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, login, rid } from './harness';
import { nthRequest, ratingRigs } from './rating-rig';

const rigs = ratingRigs();

describe("the clerk's summary on the counter panel", () => {
  it('counts the day’s finished services, their mean service time and every rating result, zeros included', async () => {
    const h = await rigs.open();
    const c03 = await h.clerk('c03', 3);
    const summary = () => ok('clerkSummary', c03.get('/api/windows/3/summary'));
    expect(await summary()).toEqual({
      staffId: 'c03',
      hallDay: '2025-06-11',
      served: 0,
      averageServiceMinutes: null,
      ratings: {
        very_satisfied: 0,
        satisfied: 0,
        basically_satisfied: 0,
        dissatisfied: 0,
        very_dissatisfied: 0,
        not_rated: 0,
      },
    });

    const pad = await h.pad(3);
    await h.serve(3, 'c03', { minutes: 4 });
    await ok('submitRating', pad.answer((await nthRequest(pad, 1)).id, { level: 'satisfied' }));
    await h.serve(3, 'c03', { minutes: 6 }); // left unanswered: the next finish ends it as not rated
    await h.serve(3, 'c03', { minutes: 11 });
    const third = await nthRequest(pad, 3);
    await ok('submitRating', pad.answer(third.id, { level: 'dissatisfied', reason: { code: 'unclear' } }));
    // Handed on to window 4: neither a service finished here nor a rating of this clerk.
    const handedOn = await h.serve(3, 'c03', { minutes: 3, outcome: { kind: 'transferred', toWindow: 4 } });
    const c04 = await h.clerk('c04', 4);
    expect((await ok('callNext', c04.post('/api/windows/4/call-next', { requestId: rid() }))).ticket?.id).toBe(
      handedOn.id,
    );
    await ok('start', c04.post('/api/windows/4/start', { requestId: rid() }));
    await ok('finish', c04.post('/api/windows/4/finish', { requestId: rid(), outcome: { kind: 'completed' } }));
    await ok('submitRating', (await h.pad(4)).answer((await nthRequest(pad, 4)).id, { level: 'very_satisfied' }));

    expect(await summary()).toEqual({
      staffId: 'c03',
      hallDay: '2025-06-11',
      served: 3,
      averageServiceMinutes: 7,
      ratings: {
        very_satisfied: 0,
        satisfied: 1,
        basically_satisfied: 0,
        dissatisfied: 1,
        very_dissatisfied: 0,
        not_rated: 1,
      },
    });
    expect(await ok('clerkSummary', c04.get('/api/windows/4/summary'))).toMatchObject({
      staffId: 'c04',
      served: 1,
      ratings: { very_satisfied: 1, not_rated: 0 },
    });

    // The next morning starts from nothing.
    h.clock.set('2025-06-12T01:00:00.000Z');
    const morning = api(h.server.url, await login(h.server.url, 'c03', 'demo', 3));
    expect(await ok('clerkSummary', morning.get('/api/windows/3/summary'))).toMatchObject({
      hallDay: '2025-06-12',
      served: 0,
      averageServiceMinutes: null,
      ratings: { satisfied: 0, not_rated: 0 },
    });
  });

  it('is only for the clerk at the window', async () => {
    const h = await rigs.open();
    await h.clerk('c03', 3);
    const c04 = await h.clerk('c04', 4);
    const e = await refused(c04.get('/api/windows/3/summary'), 403, 'forbidden');
    expect(e.message).toMatch(/c03/);
    await refused(api(h.server.url, 'demo-window-3').get('/api/windows/3/summary'), 403, 'forbidden');
    await refused(c04.get('/api/windows/99/summary'), 404, 'not_found');
    const bad = await refused(c04.get('/api/windows/x/summary'), 400, 'validation_failed');
    expect(bad.fields?.map((f) => f.path)).toEqual(['id']);
  });
});
