import { DEMO_HALL_PATH, deviceKeyMatches, loadHallConfig } from '@hallq/hall-file';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from './password';

// The README and the server's start banner publish these credentials: the demo hall file must hold exactly them, as
// this server checks passwords and device keys.
describe('the demo hall', () => {
  const hall = loadHallConfig(DEMO_HALL_PATH);

  it('uses the documented demo credentials', () => {
    for (const s of hall.staff) {
      const password = s.role === 'manager' ? 'admin' : 'demo';
      expect(verifyPassword(password, s.passwordHash!), s.id).toBe(true);
      expect(verifyPassword('wrong', s.passwordHash!), s.id).toBe(false);
    }
    // Each device's salted hash matches its documented key, and no other device's.
    const keys = new Map<string, string>([
      ['kiosk-1', 'demo-kiosk'],
      ['kiosk-2', 'demo-kiosk-2'],
      ['display-hall', 'demo-display'],
      ['locker-1', 'demo-locker'],
      // Every window has a screen and a rating pad, keyed demo-window-N and demo-rating-N.
      ...hall.windows.flatMap(({ number: n }): [string, string][] => [
        [`window-screen-${n}`, `demo-window-${n}`],
        [`rating-pad-${n}`, `demo-rating-${n}`],
      ]),
    ]);
    const devices = [...hall.devices.kiosks, ...hall.devices.displays, ...hall.devices.lockers];
    expect(devices.map((d) => d.id).sort()).toEqual([...keys.keys()].sort());
    for (const d of devices) {
      expect(deviceKeyMatches(keys.get(d.id)!, d.keyHash!), d.id).toBe(true);
      expect(deviceKeyMatches('demo-kiosk', d.keyHash!), d.id).toBe(d.id === 'kiosk-1');
    }
  });
});
