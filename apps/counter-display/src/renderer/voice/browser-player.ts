import type { ClipPlayer } from './announcer';
import { CLIP_IDS, type ClipId } from './clip-ids';

// Bundled by vite into /assets/: the display plays only what ships with it, with no network at run time.
const CLIP_URLS = import.meta.glob<string>('./clips/*.wav', { eager: true, query: '?url', import: 'default' });

const urlOf = (clip: ClipId) => CLIP_URLS[`./clips/${clip}.wav`];

export interface BrowserPlayer extends ClipPlayer {
  /** True while the browser's autoplay policy keeps the sound off (until someone touches the screen once). */
  blocked(): boolean;
  onBlockedChange(listener: (blocked: boolean) => void): void;
  /** Call from a user gesture. */
  unlock(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Web Audio over the decoded clips, all fetched and decoded up front so a call starts at once. While the sound is
 * blocked a clip "plays" silently for its length, so the queue keeps its pace and does not burst out a backlog of
 * stale calls the moment someone enables the sound.
 */
export function createBrowserPlayer(): BrowserPlayer {
  const context = new AudioContext();
  const buffers = new Map<ClipId, Promise<AudioBuffer>>();
  for (const clip of CLIP_IDS) {
    const url = urlOf(clip);
    if (!url) continue;
    const buffer = fetch(url)
      .then((res) => res.arrayBuffer())
      .then((data) => context.decodeAudioData(data));
    buffer.catch(() => undefined); // reported when the clip is played
    buffers.set(clip, buffer);
  }
  const listeners: ((blocked: boolean) => void)[] = [];
  const blocked = () => context.state !== 'running';
  context.addEventListener('statechange', () => listeners.forEach((l) => l(blocked())));
  // Chromium starts a context created without a gesture suspended; resume() succeeds where autoplay is allowed.
  void context.resume();

  return {
    async play(clip) {
      const buffer = await buffers.get(clip);
      if (!buffer) throw new Error(`no clip ${clip}`);
      if (blocked()) return sleep(buffer.duration * 1000);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      const ended = new Promise<void>((resolve) => source.addEventListener('ended', () => resolve()));
      source.start();
      return ended;
    },
    blocked,
    onBlockedChange(listener) {
      listeners.push(listener);
    },
    unlock: () => context.resume(),
  };
}
