import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { describe, expect, it } from 'vitest';
import { sha256Hex, verifyPassword } from './password';

// The README and the server's start banner publish these credentials: the demo hall file must hold exactly them, as
// this server checks passwords and device keys.
describe('the demo hall', () => {
  const hall = loadHallConfig(DEMO_HALL_PATH);

  it('uses the documented demo credentials', () => {
    for (const s of hall.staff) {
      const password = s.role === 'manager' ? 'admin' : 'demo';
      expect(verifyPassword(password, s.passwordHash), s.id).toBe(true);
      expect(verifyPassword('wrong', s.passwordHash), s.id).toBe(false);
    }
    expect(hall.devices.kiosks.map((d) => [d.id, d.keyHash])).toEqual([['kiosk-1', sha256Hex('demo-kiosk')]]);
    // Every window has a screen and a rating pad, keyed demo-window-N and demo-rating-N.
    expect(hall.devices.displays.map((d) => [d.id, d.kind, d.window, d.keyHash])).toEqual([
      ['display-hall', 'hall', undefined, sha256Hex('demo-display')],
      ...hall.windows.flatMap(({ number: n }) => [
        [`window-screen-${n}`, 'window', n, sha256Hex(`demo-window-${n}`)],
        [`rating-pad-${n}`, 'rating', n, sha256Hex(`demo-rating-${n}`)],
      ]),
    ]);
    expect(hall.devices.lockers.map((d) => [d.id, d.keyHash])).toEqual([['locker-1', sha256Hex('demo-locker')]]);
  });
});
