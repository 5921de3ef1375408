import { ApiError, NetworkError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { AT, NOW, guideCall, snapshot, testDesk } from '../../test-services';
import { openCalls } from './selectors';

const calls = (desk: ReturnType<typeof testDesk>) => openCalls(desk.state().feed, desk.state(), new Date(NOW));
const minutesAgo = (min: number) => new Date(NOW - min * 60_000).toISOString();

describe('呼叫导办 at the desk', () => {
  it("shows the zone's open calls, the longest waiting first, with how long each has waited", async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online(
      snapshot({
        guideCalls: [guideCall('g2', { calledAt: minutesAgo(2) }), guideCall('g1', { calledAt: minutesAgo(12) })],
      }),
    );
    expect(calls(desk).map((c) => [c.call.id, c.waitedMinutes, c.isNew])).toEqual([
      ['g1', 12, false],
      ['g2', 2, false],
    ]);
  });

  it('highlights a call that arrives until the guide looks at it; a withheld event keeps the feed whole', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.events({ type: 'withheld' }, { type: 'guide.called', call: guideCall('g1', { calledAt: minutesAgo(0) }) });
    expect(desk.live.resync).not.toHaveBeenCalled();
    expect(calls(desk).map((c) => [c.call.id, c.isNew])).toEqual([['g1', true]]);
    desk.state().markCallSeen('g1');
    expect(calls(desk)[0]!.isNew).toBe(false);
  });

  it('answers once with the guide token; the call stays marked until its guide.answered takes it off', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online(snapshot({ guideCalls: [guideCall('g1')] }));
    desk.api.answerGuide.mockResolvedValue({
      call: guideCall('g1', { answeredAt: AT, answeredBy: 'g01', answeredByName: '卓玛' }),
    });
    const first = desk.state().answerCall('g1');
    void desk.state().answerCall('g1');
    await first;
    expect(desk.api.answerGuide).toHaveBeenCalledTimes(1);
    expect(desk.api.answerGuide).toHaveBeenCalledWith({
      token: 'tok-g01',
      params: { id: 'g1' },
      body: { requestId: 'request-1' },
    });
    expect(calls(desk).map((c) => c.answering)).toEqual([true]);
    desk.events({ type: 'guide.answered', call: guideCall('g1', { answeredAt: AT, answeredBy: 'g01' }) });
    expect(calls(desk)).toEqual([]);
    expect(desk.state().callAnswers).toEqual({});
  });

  it('sends a lost answer again with the same requestId, and says so when another guide was quicker', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online(snapshot({ guideCalls: [guideCall('g1')] }));
    desk.api.answerGuide.mockRejectedValueOnce(new NetworkError('timeout'));
    await desk.state().answerCall('g1');
    expect(calls(desk)[0]!.answering).toBe(false);
    desk.api.answerGuide.mockRejectedValueOnce(
      new ApiError(409, 'invalid_state', 'guide call g1 was already answered by g03'),
    );
    await desk.state().answerCall('g1');
    expect(desk.api.answerGuide.mock.calls.map(([input]) => input.body.requestId)).toEqual(['request-1', 'request-1']);
    expect(desk.state().callFailure).toMatchObject({ code: 'invalid_state' });
  });
});
