import { NetworkError } from '@hallq/shared/client';
import type { PublicGuideCall } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { testKiosk } from '../../test-services';
import { guideBanner } from './selectors';

/** A guide call as the kiosk is told it: the public view. */
const call = (over: Partial<PublicGuideCall> = {}): PublicGuideCall => ({
  id: 'g1',
  kiosk: 'kiosk-1',
  calledAt: '2025-05-06T02:00:00.000Z',
  answeredAt: null,
  answeredByName: null,
  ...over,
});

describe('呼叫导办', () => {
  const byDrolma = { answeredAt: '2025-05-06T02:01:00.000Z', answeredByName: '卓玛' };

  it('calls a guide, polls every few seconds, and says which guide is on the way once answered', async () => {
    const kiosk = testKiosk();
    kiosk.api.callGuide.mockResolvedValue({ call: call() });
    kiosk.api.guideCall.mockResolvedValueOnce({ call: call() });
    await kiosk.state().callGuide();
    expect(kiosk.api.callGuide).toHaveBeenCalledWith({ body: { requestId: 'request-1', reason: 'general' } });
    expect(kiosk.state().guide.status).toBe('waiting');

    kiosk.advance(2_000);
    expect(kiosk.api.guideCall).not.toHaveBeenCalled();
    kiosk.advance(2_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(kiosk.state().guide.status).toBe('waiting');

    kiosk.api.guideCall.mockResolvedValueOnce({ call: call(byDrolma) });
    kiosk.advance(4_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(kiosk.api.guideCall).toHaveBeenCalledWith({ params: { id: 'g1' } });
    expect(kiosk.state().guide.status).toBe('answered');
    expect(guideBanner(kiosk.state().guide)).toEqual({ key: 'guide.answeredBy', name: '卓玛' });
  });

  it('says why when the call could not be sent', async () => {
    const kiosk = testKiosk();
    kiosk.api.callGuide.mockRejectedValue(new NetworkError('down'));
    await kiosk.state().callGuide();
    expect(kiosk.state().guide.status).toBe('failed');
  });

  it('tells the guide the citizen reads another language', async () => {
    const kiosk = testKiosk();
    kiosk.api.callGuide.mockResolvedValue({ call: call() });
    kiosk.state().setLanguage('bo');
    await kiosk.state().callGuide();
    expect(kiosk.api.callGuide).toHaveBeenCalledWith({ body: expect.objectContaining({ reason: 'language' }) });
  });

  it('learns from the live stream who answered, and keeps the call that names them', async () => {
    const kiosk = testKiosk();
    kiosk.api.callGuide.mockResolvedValue({ call: call() });
    await kiosk.state().callGuide();
    kiosk
      .state()
      .applyEvents([
        { seq: 1, at: '2025-05-06T02:01:00.000Z', event: { type: 'guide.answered', call: call(byDrolma) } },
      ]);
    expect(kiosk.state().guide).toMatchObject({
      status: 'answered',
      call: { answeredByName: '卓玛' },
    });
    expect(guideBanner(kiosk.state().guide)).toEqual({ key: 'guide.answeredBy', name: '卓玛' });
  });

  it("ignores another kiosk's answered call", async () => {
    const kiosk = testKiosk();
    kiosk.api.callGuide.mockResolvedValue({ call: call() });
    await kiosk.state().callGuide();
    kiosk.state().applyEvents([
      {
        seq: 1,
        at: '2025-05-06T02:01:00.000Z',
        event: { type: 'guide.answered', call: call({ ...byDrolma, id: 'g2', kiosk: 'kiosk-2' }) },
      },
    ]);
    expect(kiosk.state().guide).toMatchObject({ status: 'waiting', call: { id: 'g1' } });
    expect(guideBanner(kiosk.state().guide)).toEqual({ key: 'guide.waiting' });
  });

  it('says only that a guide is coming when the answer names nobody', () => {
    const guide = { status: 'answered' as const, call: call({ answeredAt: 'x' }), nextPollAt: 0 };
    expect(guideBanner(guide)).toEqual({ key: 'guide.answered' });
  });
});
