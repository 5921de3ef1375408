export interface VoiceState {
  /** The browser keeps the sound off until someone touches the screen once (autoplay policy). */
  voiceBlocked: boolean;
}

export const initialVoiceState: VoiceState = { voiceBlocked: false };
