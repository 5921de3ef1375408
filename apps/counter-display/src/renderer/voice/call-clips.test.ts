import { describe, expect, it } from 'vitest';
import { clipsForCall, sentenceClips, ticketNumberClips, windowNumberClips } from './call-clips';

describe('clipsForCall', () => {
  it('says A001 at window 12 as chime, then 请A零零一号到十二号窗口办理 twice', () => {
    const sentence = [
      'qing',
      'letter-a',
      'digit-0',
      'digit-0',
      'digit-1',
      'hao',
      'dao',
      'shi',
      'digit-2',
      'hao',
      'chuangkou',
      'banli',
    ];
    expect(clipsForCall({ number: 'A001', window: 12, recall: false })).toEqual(['chime', ...sentence, ...sentence]);
  });

  it('announces a recall exactly like a call', () => {
    expect(clipsForCall({ number: 'B014', window: 3, recall: true })).toEqual(
      clipsForCall({ number: 'B014', window: 3, recall: false }),
    );
  });
});

describe('ticketNumberClips', () => {
  it('reads a ticket digit by digit, including one past 999', () => {
    expect(ticketNumberClips('Z1000')).toEqual(['letter-z', 'digit-1', 'digit-0', 'digit-0', 'digit-0']);
  });
});

describe('windowNumberClips', () => {
  const read = (n: number) => windowNumberClips(n).join(' ');

  it('reads window numbers as Chinese numbers', () => {
    expect(read(3)).toBe('digit-3');
    expect(read(10)).toBe('shi');
    expect(read(12)).toBe('shi digit-2');
    expect(read(20)).toBe('digit-2 shi');
    expect(read(47)).toBe('digit-4 shi digit-7');
  });

  it('reads hundreds with 零 and the 一 of 一十 where Chinese says them', () => {
    expect(read(100)).toBe('digit-1 bai');
    expect(read(105)).toBe('digit-1 bai digit-0 digit-5');
    expect(read(112)).toBe('digit-1 bai digit-1 shi digit-2');
    expect(read(230)).toBe('digit-2 bai digit-3 shi');
  });
});

describe('sentenceClips', () => {
  it('skips characters that have no clip rather than failing', () => {
    expect(sentenceClips({ number: 'a-7', window: 1 })).toEqual([
      'qing',
      'letter-a',
      'digit-7',
      'hao',
      'dao',
      'digit-1',
      'hao',
      'chuangkou',
      'banli',
    ]);
  });
});
