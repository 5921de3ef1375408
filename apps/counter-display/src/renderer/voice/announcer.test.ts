import type { EventEnvelope } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { type Announcement, callsToAnnounce, createAnnouncer } from './announcer';
import { clipsForCall } from './call-clips';
import type { ClipId } from './clip-ids';
import { ticket } from '../display/store/test-services';

/** A player whose clips finish only when the test says so, recording what overlaps. */
function manualPlayer() {
  const played: ClipId[] = [];
  let finish: (() => void) | null = null;
  let playing = 0;
  let maxPlaying = 0;
  return {
    played,
    get maxPlaying() {
      return maxPlaying;
    },
    play(clip: ClipId) {
      played.push(clip);
      playing += 1;
      maxPlaying = Math.max(maxPlaying, playing);
      return new Promise<void>((resolve) => {
        finish = () => {
          playing -= 1;
          resolve();
        };
      });
    },
    /** Finishes the current clip and lets the announcer start the next. */
    async finishClip() {
      const f = finish;
      finish = null;
      f?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

const instantPlayer = (played: ClipId[] = []) => ({
  played,
  play: async (clip: ClipId) => {
    played.push(clip);
  },
});

describe('createAnnouncer', () => {
  it('says two calls that arrive together one after the other, never overlapping', async () => {
    const player = manualPlayer();
    const started: Announcement[] = [];
    const announcer = createAnnouncer(player, (a) => started.push(a));
    announcer.announce({ number: 'A001', window: 3, recall: false });
    announcer.announce({ number: 'B002', window: 6, recall: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(started.map((a) => a.number)).toEqual(['A001']);

    const first = clipsForCall({ number: 'A001', window: 3, recall: false });
    for (let i = 0; i < first.length; i++) await player.finishClip();
    expect(started.map((a) => a.number)).toEqual(['A001', 'B002']);

    const second = clipsForCall({ number: 'B002', window: 6, recall: false });
    for (let i = 0; i < second.length; i++) await player.finishClip();
    await announcer.idle();
    expect(player.played).toEqual([...first, ...second]);
    expect(player.maxPlaying).toBe(1);
  });

  it('announces a recall of a number again, after the first call', async () => {
    const player = instantPlayer();
    const started: Announcement[] = [];
    const announcer = createAnnouncer(player, (a) => started.push(a));
    announcer.announce({ number: 'A001', window: 3, recall: false });
    announcer.announce({ number: 'A001', window: 3, recall: true });
    await announcer.idle();
    expect(started.map((a) => [a.number, a.recall])).toEqual([
      ['A001', false],
      ['A001', true],
    ]);
    expect(player.played.filter((c) => c === 'chime')).toHaveLength(2);
  });

  it('keeps going when a clip fails to play', async () => {
    const played: ClipId[] = [];
    const announcer = createAnnouncer({
      play: async (clip) => {
        played.push(clip);
        if (clip === 'chime') throw new Error('decode failed');
      },
    });
    announcer.announce({ number: 'A001', window: 3, recall: false });
    announcer.announce({ number: 'A002', window: 4, recall: false });
    await announcer.idle();
    expect(played.filter((c) => c === 'qing')).toHaveLength(4);
  });
});

describe('callsToAnnounce', () => {
  it('keeps calls and recalls in order and ignores every other event', () => {
    const at = '2025-05-06T01:10:00.000Z';
    const fresh: EventEnvelope[] = [
      { seq: 1, at, event: { type: 'ticket.issued', ticket: ticket('A002') } },
      { seq: 2, at, event: { type: 'ticket.called', ticket: ticket('A001'), window: 3 } },
      { seq: 3, at, event: { type: 'ticket.recalled', ticket: ticket('A001'), window: 3 } },
    ];
    expect(callsToAnnounce(fresh)).toEqual([
      { number: 'A001', window: 3, recall: false },
      { number: 'A001', window: 3, recall: true },
    ]);
  });
});
