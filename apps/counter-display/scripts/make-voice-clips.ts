// Regenerates the hall display's voice clips in src/renderer/voice/clips/ (committed; the display never synthesises
// speech at run time: the hall may have no network and Chromium may have no voices).
//
//   node --import tsx apps/counter-display/scripts/make-voice-clips.ts      (needs espeak-ng on the PATH)
//
// Chinese words come from espeak-ng's `cmn-latn-pinyin` voice with tone-numbered pinyin (its `cmn` voice misreads
// hanzi); ticket letters from its English voice, by their English names as halls say them; the chime is synthesised
// here. Every clip is mono 16-bit PCM at 16 kHz, trimmed of silence and normalised, so clips join evenly.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ClipId,
  type Digit,
  DIGITS,
  type Word,
  LETTERS,
  digitClip,
  letterClip,
} from '../src/renderer/voice/clip-ids';

const OUT_DIR = fileURLToPath(new URL('../src/renderer/voice/clips/', import.meta.url));
const RATE = 16_000;
const SPEECH_SPEED = 140; // words per minute: a little slower than espeak's 175, for a large echoing hall
const PEAK = 0.8;

const PINYIN_DIGITS: Record<Digit, string> = {
  '0': 'ling2',
  '1': 'yi1',
  '2': 'er4',
  '3': 'san1',
  '4': 'si4',
  '5': 'wu3',
  '6': 'liu4',
  '7': 'qi1',
  '8': 'ba1',
  '9': 'jiu3',
};
const PINYIN_WORDS: Record<Exclude<Word, 'chime'>, string> = {
  qing: 'qing3',
  hao: 'hao4',
  dao: 'dao4',
  chuangkou: 'chuang1 kou3',
  banli: 'ban4 li3',
  shi: 'shi2',
  bai: 'bai3',
};
/** Silence after a clip, in seconds: a breath between the two sayings of a sentence. */
const PAUSE_AFTER: Partial<Record<ClipId, number>> = { banli: 0.6 };

interface Speech {
  voice: string;
  text: string;
}

const speech: [ClipId, Speech][] = [
  ...Object.entries(PINYIN_WORDS).map(([id, text]): [ClipId, Speech] => [
    id as Word,
    { voice: 'cmn-latn-pinyin', text },
  ]),
  ...DIGITS.map((d): [ClipId, Speech] => [digitClip(d), { voice: 'cmn-latn-pinyin', text: PINYIN_DIGITS[d] }]),
  ...LETTERS.map((l): [ClipId, Speech] => [letterClip(l), { voice: 'en-us', text: l }]),
];

function speak({ voice, text }: Speech): Float32Array {
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', String(SPEECH_SPEED), '--stdout', text], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const { rate, samples } = readWav(wav);
  return normalise(trimSilence(resample(samples, rate, RATE)));
}

/** 16-bit mono PCM from a WAV file (espeak-ng writes 22.05 kHz; its streamed header has no reliable sizes). */
function readWav(buffer: Buffer): { rate: number; samples: Float32Array } {
  if (buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV');
  let offset = 12;
  let rate = 0;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      if (buffer.readUInt16LE(offset + 10) !== 1 || buffer.readUInt16LE(offset + 22) !== 16) {
        throw new Error('expected mono 16-bit PCM');
      }
      rate = buffer.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      const data = buffer.subarray(offset + 8);
      const samples = new Float32Array(Math.floor(data.length / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2) / 32768;
      return { rate, samples };
    }
    offset += 8 + size;
  }
  throw new Error('WAV without data');
}

/** Windowed-sinc resampling, low-passed below the new Nyquist so hisses (s, sh, q) do not alias. */
function resample(input: Float32Array, from: number, to: number): Float32Array {
  const ratio = from / to;
  const cutoff = Math.min(1, to / from) * 0.9;
  const half = 16;
  const out = new Float32Array(Math.floor(input.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const centre = i * ratio;
    let sum = 0;
    for (let k = Math.ceil(centre - half); k <= Math.floor(centre + half); k++) {
      if (k < 0 || k >= input.length) continue;
      const x = centre - k;
      const sinc = x === 0 ? cutoff : Math.sin(Math.PI * cutoff * x) / (Math.PI * x);
      const hann = 0.5 + 0.5 * Math.cos((Math.PI * x) / half);
      sum += input[k]! * sinc * hann;
    }
    out[i] = sum;
  }
  return out;
}

function trimSilence(samples: Float32Array, threshold = 0.02, margin = Math.round(0.015 * RATE)): Float32Array {
  let start = samples.findIndex((s) => Math.abs(s) > threshold);
  if (start < 0) throw new Error('espeak-ng produced silence');
  let end = samples.length - 1;
  while (end > start && Math.abs(samples[end]!) <= threshold) end--;
  start = Math.max(0, start - margin);
  return samples.slice(start, Math.min(samples.length, end + margin));
}

function normalise(samples: Float32Array): Float32Array {
  const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
  return samples.map((s) => (s / peak) * PEAK);
}

/** 叮咚: two bell-like tones (E5 then C5, each with a soft octave partial), overlapping as they decay. */
function chime(): Float32Array {
  const tones = [
    { start: 0, freq: 659.25 },
    { start: 0.45, freq: 523.25 },
  ];
  const length = 1.5;
  const out = new Float32Array(Math.round(length * RATE));
  for (const { start, freq } of tones) {
    for (let i = Math.round(start * RATE); i < out.length; i++) {
      const t = i / RATE - start;
      const attack = Math.min(1, t / 0.005);
      const envelope = attack * Math.exp(-t * 3.2);
      out[i]! += envelope * (Math.sin(2 * Math.PI * freq * t) + 0.3 * Math.sin(4 * Math.PI * freq * t));
    }
  }
  const fadeOut = Math.round(0.05 * RATE);
  for (let i = 0; i < fadeOut; i++) out[out.length - 1 - i]! *= i / fadeOut;
  return normalise(out);
}

function withPause(samples: Float32Array, seconds: number | undefined): Float32Array {
  if (!seconds) return samples;
  const out = new Float32Array(samples.length + Math.round(seconds * RATE));
  out.set(samples);
  return out;
}

function wavFile(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const file of readdirSync(OUT_DIR)) if (file.endsWith('.wav')) rmSync(OUT_DIR + file);
const clips: [ClipId, Float32Array][] = [
  ['chime', chime()],
  ...speech.map(([id, s]): [ClipId, Float32Array] => [id, speak(s)]),
];
for (const [id, samples] of clips) {
  const file = wavFile(withPause(samples, PAUSE_AFTER[id]));
  writeFileSync(`${OUT_DIR}${id}.wav`, file);
  console.log(`${id}.wav  ${(samples.length / RATE).toFixed(2)} s  ${file.length} bytes`);
}
