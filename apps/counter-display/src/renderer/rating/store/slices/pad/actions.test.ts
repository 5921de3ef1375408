import { ApiError, NetworkError } from '@hallq/shared/client';
import type { RatingResponse } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { envelope, ratingRecord, ratingRequest, snapshot, testPad } from '../../test-services';
import { THANKS_MS } from './actions';
import { canSubmit, secondsLeft } from './selectors';

const answered = (result: RatingResponse['rating']['result']): RatingResponse => ({ rating: ratingRecord({ result }) });

/** A pad asking for request r1 (opened by a rating.requested event after the snapshot). */
function askingPad() {
  const pad = testPad();
  pad.handlers().snapshot(snapshot());
  pad.handlers().events([envelope(11, { type: 'rating.requested', request: ratingRequest() })]);
  return pad;
}

describe('the rating pad asks', () => {
  it('for the open request of its window found in the snapshot, after a restart', () => {
    const pad = testPad();
    pad.handlers().snapshot(
      snapshot({
        ratingRequests: [
          ratingRequest({ id: 'other-window', window: 5 }),
          ratingRequest({ id: 'older', requestedAt: '2025-05-06T01:50:00.000Z' }),
          ratingRequest({ id: 'r1' }),
        ],
      }),
    );
    expect(pad.state().pad).toMatchObject({ screen: 'ask', request: { id: 'r1', ticketNumber: 'A012' } });
  });

  it('when rating.requested arrives for its window, and ignores other windows', () => {
    const pad = testPad();
    pad.handlers().snapshot(snapshot());
    pad.handlers().events([envelope(11, { type: 'rating.requested', request: ratingRequest({ window: 5 }) })]);
    expect(pad.state().pad.screen).toBe('idle');
    pad.handlers().events([envelope(12, { type: 'rating.requested', request: ratingRequest() })]);
    expect(pad.state().pad).toMatchObject({ screen: 'ask', request: { id: 'r1' } });
  });

  it('no longer, saying nothing was recorded, when a reconnection finds the request ended meanwhile', () => {
    const pad = askingPad();
    pad.handlers().connection('disconnected');
    pad.handlers().snapshot(snapshot({ seq: 20 }));
    expect(pad.state().pad).toMatchObject({ screen: 'idle', ended: true, request: null });
  });

  it('still, while an answer is being sent, when a reconnection finds the request gone: the reply settles it', async () => {
    const pad = askingPad();
    let reply!: (response: RatingResponse) => void;
    pad.submitRating.mockReturnValueOnce(new Promise((resolve) => (reply = resolve)));
    pad.state().chooseLevel('satisfied');
    const sending = pad.state().submit();
    pad.handlers().snapshot(snapshot({ seq: 20 }));
    expect(pad.state().pad).toMatchObject({ screen: 'ask', sending: true });
    reply(answered('satisfied'));
    await sending;
    expect(pad.state().pad.screen).toBe('thanks');
  });

  it('counts down the request lifetime from when it arrived', () => {
    const pad = askingPad();
    expect(secondsLeft(pad.state())).toBe(60);
    pad.advance(15_500);
    expect(secondsLeft(pad.state())).toBe(45);
  });
});

describe('answering', () => {
  it('sends a good level without a reason and thanks the citizen, then goes idle', async () => {
    const pad = askingPad();
    pad.submitRating.mockResolvedValue(answered('satisfied'));
    pad.state().chooseLevel('satisfied');
    await pad.state().submit();
    expect(pad.submitRating).toHaveBeenCalledWith({
      params: { id: 'r1' },
      body: { requestId: 'request-1', level: 'satisfied' },
    });
    expect(pad.state().pad.screen).toBe('thanks');
    pad.advance(THANKS_MS);
    expect(pad.state().pad).toMatchObject({ screen: 'idle', ended: false });
  });

  it('does not send a bad level until a reason is chosen, then sends level and reason', async () => {
    const pad = askingPad();
    pad.submitRating.mockResolvedValue(answered('dissatisfied'));
    pad.state().chooseLevel('dissatisfied');
    expect(canSubmit(pad.state())).toBe(false);
    await pad.state().submit();
    expect(pad.submitRating).not.toHaveBeenCalled();
    pad.state().chooseReason('long_wait');
    await pad.state().submit();
    expect(pad.submitRating).toHaveBeenCalledWith({
      params: { id: 'r1' },
      body: { requestId: 'request-1', level: 'dissatisfied', reason: { code: 'long_wait' } },
    });
  });

  it('sends "other" without words, since the pad has no keyboard: the call-back asks what happened', async () => {
    const pad = askingPad();
    pad.submitRating.mockResolvedValue(answered('very_dissatisfied'));
    pad.state().chooseLevel('very_dissatisfied');
    pad.state().chooseReason('other');
    await pad.state().submit();
    expect(pad.submitRating).toHaveBeenCalledWith({
      params: { id: 'r1' },
      body: { requestId: 'request-1', level: 'very_dissatisfied', reason: { code: 'other' } },
    });
  });

  it('sends once on a double tap', async () => {
    const pad = askingPad();
    pad.submitRating.mockResolvedValue(answered('very_satisfied'));
    pad.state().chooseLevel('very_satisfied');
    await Promise.all([pad.state().submit(), pad.state().submit()]);
    expect(pad.submitRating).toHaveBeenCalledTimes(1);
  });

  it('retries a failed send with the same requestId, and a changed answer with a new one', async () => {
    const pad = askingPad();
    pad.submitRating.mockRejectedValueOnce(new NetworkError('down'));
    pad.state().chooseLevel('satisfied');
    await pad.state().submit();
    expect(pad.state().pad).toMatchObject({ screen: 'ask', failed: true, sending: false });

    pad.submitRating.mockRejectedValueOnce(new NetworkError('down'));
    await pad.state().submit();
    expect(pad.submitRating.mock.calls.map(([{ body }]) => body.requestId)).toEqual(['request-1', 'request-1']);

    pad.submitRating.mockResolvedValueOnce(answered('very_satisfied'));
    pad.state().chooseLevel('very_satisfied');
    await pad.state().submit();
    expect(pad.submitRating.mock.calls[2]![0].body.requestId).toBe('request-2');
    expect(pad.state().pad.screen).toBe('thanks');
  });

  it('goes idle without thanks when the server says the request is no longer open', async () => {
    const pad = askingPad();
    pad.submitRating.mockRejectedValue(new ApiError(409, 'invalid_state', 'expired'));
    pad.state().chooseLevel('satisfied');
    await pad.state().submit();
    expect(pad.state().pad).toMatchObject({ screen: 'idle', ended: true });
  });
});

describe('the request ends without an answer', () => {
  it('when the countdown runs out: idle, saying nothing was recorded', () => {
    const pad = askingPad();
    pad.state().chooseLevel('satisfied');
    pad.advance(59_000);
    expect(pad.state().pad.screen).toBe('ask');
    pad.advance(1_000);
    expect(pad.state().pad).toMatchObject({ screen: 'idle', ended: true, level: null, request: null });
  });

  it('when rating.ended closes it (not_rated from the server)', () => {
    const pad = askingPad();
    pad.handlers().events([envelope(12, { type: 'rating.ended', requestId: 'r1', result: 'not_rated' })]);
    expect(pad.state().pad).toMatchObject({ screen: 'idle', ended: true });
  });

  it('and a recorded event for another request leaves it open', () => {
    const pad = askingPad();
    pad.handlers().events([envelope(12, { type: 'rating.ended', requestId: 'r9', result: 'not_rated' })]);
    expect(pad.state().pad.screen).toBe('ask');
  });

  it('and the next citizen finds the pad in Chinese', () => {
    const pad = askingPad();
    pad.state().setLanguage('bo');
    pad.advance(60_000);
    expect(pad.state().language).toBe('zh');
  });
});

describe('the live stream', () => {
  it('thanks the citizen when rating.ended for the answer overtakes the HTTP reply', () => {
    const pad = askingPad();
    pad.submitRating.mockReturnValue(new Promise(() => {}));
    pad.state().chooseLevel('satisfied');
    void pad.state().submit();
    pad.handlers().events([envelope(12, { type: 'rating.ended', requestId: 'r1', result: 'satisfied' })]);
    expect(pad.state().pad.screen).toBe('thanks');
  });

  it('asks for a snapshot on a gap in seq', () => {
    const pad = askingPad();
    pad.handlers().events([envelope(14, { type: 'rating.requested', request: ratingRequest({ id: 'r2' }) })]);
    expect(pad.realtime.resync).toHaveBeenCalledTimes(1);
    expect(pad.state().pad.request?.id).toBe('r1');
  });
});
