import { NetworkError } from '@hallq/shared/client';
import type { GuideCall } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { testKiosk } from '../../test-services';

const call = (over: Partial<GuideCall> = {}): GuideCall => ({
  id: 'g1',
  kiosk: 'kiosk-1',
  zone: '一楼',
  reason: 'general',
  calledAt: '2025-05-06T02:00:00.000Z',
  answeredAt: null,
  answeredBy: null,
  ...over,
});

describe('呼叫导办', () => {
  it('calls a guide, polls every few seconds, and says a guide is on the way once answered', async () => {
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

    kiosk.api.guideCall.mockResolvedValueOnce({ call: call({ answeredAt: '2025-05-06T02:01:00.000Z' }) });
    kiosk.advance(4_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(kiosk.api.guideCall).toHaveBeenCalledWith({ params: { id: 'g1' } });
    expect(kiosk.state().guide.status).toBe('answered');
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

  it('learns of the answer from the live stream too', async () => {
    const kiosk = testKiosk();
    kiosk.api.callGuide.mockResolvedValue({ call: call() });
    await kiosk.state().callGuide();
    kiosk
      .state()
      .applyEvents([
        { seq: 1, at: '2025-05-06T02:01:00.000Z', event: { type: 'guide.answered', call: call({ answeredAt: 'x' }) } },
      ]);
    expect(kiosk.state().guide.status).toBe('answered');
  });
});
