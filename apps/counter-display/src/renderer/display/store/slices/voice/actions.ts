import type { SliceCreator } from '../../types';
import { initialVoiceState, type VoiceState } from './state';

/** What the voice slice needs of the audio output. */
export interface AudioGate {
  blocked(): boolean;
  onBlockedChange(listener: (blocked: boolean) => void): void;
  unlock(): Promise<void>;
}

export interface VoiceServices {
  audio: AudioGate;
  delay(ms: number): Promise<void>;
}

export interface VoiceActions {
  /** Starts following the audio state; asks for a touch only if the sound is still off after a moment. */
  watchVoice(): Promise<void>;
  enableVoice(): Promise<void>;
}
export type VoiceSlice = VoiceState & VoiceActions;

// Where autoplay is allowed the audio starts within milliseconds; waiting avoids flashing the overlay at start.
const BLOCKED_CHECK_MS = 1500;

export const createVoiceSlice: SliceCreator<VoiceSlice, VoiceServices> = (set, _get, { audio, delay }) => ({
  ...initialVoiceState,

  async watchVoice() {
    audio.onBlockedChange((voiceBlocked) => set({ voiceBlocked }));
    await delay(BLOCKED_CHECK_MS);
    set({ voiceBlocked: audio.blocked() });
  },

  async enableVoice() {
    await audio.unlock();
    set({ voiceBlocked: audio.blocked() });
  },
});
