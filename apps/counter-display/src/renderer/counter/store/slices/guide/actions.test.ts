import { NetworkError } from '@hallq/shared/client';
import type { GuideCall } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { AT, envelope, settle, snapshot, testCounter } from '../../test-services';

const call: GuideCall = {
  id: 'g1',
  kiosk: 'kiosk-1',
  zone: '一楼大厅',
  reason: 'language',
  calledAt: AT,
  answeredAt: null,
  answeredBy: null,
  answeredByName: null,
  kioskName: null,
};

describe('guide calls', () => {
  it('raise an alert from the stream and go when this clerk answers', async () => {
    const panel = testCounter();
    panel.online();
    panel.realtime.handlers!.events([envelope(11, { type: 'guide.called', call })]);
    expect(panel.state().feed!.guideCalls).toEqual([call]);
    panel.api.answerGuide.mockResolvedValueOnce({ call: { ...call, answeredAt: AT, answeredBy: 'c03' } });
    void panel.state().answerGuide('g1');
    void panel.state().answerGuide('g1');
    await settle();
    expect(panel.api.answerGuide).toHaveBeenCalledTimes(1);
    expect(panel.api.answerGuide).toHaveBeenCalledWith({
      params: { id: 'g1' },
      body: { requestId: 'request-1' },
      token: 'token-c03',
    });
    expect(panel.state().feed!.guideCalls).toEqual([]);
  });

  it('go when somebody else answers', () => {
    const panel = testCounter();
    panel.online(snapshot({ guideCalls: [call] }));
    panel.realtime.handlers!.events([
      envelope(11, { type: 'guide.answered', call: { ...call, answeredAt: AT, answeredBy: 'c07' } }),
    ]);
    expect(panel.state().feed!.guideCalls).toEqual([]);
  });

  it('resend the same answer after a network failure', async () => {
    const panel = testCounter();
    panel.online(snapshot({ guideCalls: [call] }));
    panel.api.answerGuide.mockRejectedValueOnce(new NetworkError('timeout'));
    await panel.state().answerGuide('g1');
    expect(panel.state().guideError?.message).toContain('网络异常');
    expect(panel.state().feed!.guideCalls).toEqual([call]);
    panel.api.answerGuide.mockResolvedValueOnce({ call });
    await panel.state().answerGuide('g1');
    expect(panel.api.answerGuide.mock.calls.map(([input]) => input.body.requestId)).toEqual(['request-1', 'request-1']);
    expect(panel.state().guideAnswers).toEqual({});
  });
});
