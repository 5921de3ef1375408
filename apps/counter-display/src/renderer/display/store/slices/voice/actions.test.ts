import { describe, expect, it } from 'vitest';
import { createDisplayStore } from '../../create-display-store';
import { testServices } from '../../test-services';

function audioGate(blocked: boolean) {
  const gate = {
    isBlocked: blocked,
    listener: null as ((blocked: boolean) => void) | null,
    blocked: () => gate.isBlocked,
    onBlockedChange: (l: (blocked: boolean) => void) => {
      gate.listener = l;
    },
    unlock: async () => {
      gate.isBlocked = false;
    },
  };
  return gate;
}

describe('turning the voice on', () => {
  it('asks for a touch when the browser keeps the sound off, and hides the request once it is on', async () => {
    const audio = audioGate(true);
    const store = createDisplayStore({ ...testServices().services, audio });
    await store.getState().watchVoice();
    expect(store.getState().voiceBlocked).toBe(true);
    await store.getState().enableVoice();
    expect(store.getState().voiceBlocked).toBe(false);
  });

  it('does not ask when the sound is allowed', async () => {
    const audio = audioGate(false);
    const store = createDisplayStore({ ...testServices().services, audio });
    await store.getState().watchVoice();
    expect(store.getState().voiceBlocked).toBe(false);
  });
});
