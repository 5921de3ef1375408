import { describe, expect, it } from 'vitest';
import { ok } from './expect-reply';
import { api, demoHall } from './harness';
import { ratingRigs } from './rating-rig';

const rigs = ratingRigs();

describe('GET /api/hall for window screens and rating pads', () => {
  it('offers the bad-rating reasons and the pad’s timeout, and the names of staff who can be at a window', async () => {
    const demo = demoHall();
    const h = await rigs.open({ hall: { ...demo, policy: { ...demo.policy, showClerkNames: true } } });
    const hall = await ok('hall', api(h.server.url).get('/api/hall'));
    expect(hall.ratingReasons.map((r) => r.code)).toEqual([
      'long_wait',
      'attitude',
      'not_done',
      'unclear',
      'many_trips',
    ]);
    expect(hall.ratingReasons[0]!.name).toMatchObject({ zh: '等候时间太长', en: 'Waited too long' });
    expect(hall.ratingTimeoutSeconds).toBe(60);
    // With policy.showClerkNames: clerks with a post; the manager and chief representatives without one never stand
    // at a window.
    expect(hall.clerkNames).toMatchObject({ c01: '次仁卓玛', c03: '扎西多吉' });
    expect(Object.keys(hall.clerkNames!).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('gives no names when the hall shows only staff numbers, as the demo hall does', async () => {
    const h = await rigs.open();
    expect((await ok('hall', api(h.server.url).get('/api/hall'))).clerkNames).toBeNull();
  });

  it('documents the rating pad’s authorisation in the OpenAPI document', async () => {
    const h = await rigs.open();
    const doc = (await api(h.server.url).get('/api/openapi.json')).body;
    expect(doc.paths['/api/ratings/{id}'].post.description).toMatch(/rating pad/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/follow-ups',
        '/api/follow-ups/{id}/assign',
        '/api/follow-ups/{id}/note',
        '/api/follow-ups/{id}/close',
        '/api/windows/{id}/summary',
      ]),
    );
  });
});
