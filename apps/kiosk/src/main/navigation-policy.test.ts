import { describe, expect, it } from 'vitest';
import { isKioskUrl, kioskHomeUrl } from './navigation-policy';

// The origin checks and the rest are @hallq/shell's isAllowedUrl, tested there.
const SERVER = 'http://10.0.0.2:8080';

describe('kioskHomeUrl', () => {
  it('is /kiosk/ on the server', () => {
    expect(kioskHomeUrl(SERVER)).toBe('http://10.0.0.2:8080/kiosk/');
  });
});

describe('isKioskUrl', () => {
  it("allows the kiosk's own pages and nothing else on its server", () => {
    expect(isKioskUrl('http://10.0.0.2:8080/kiosk/?lang=bo#ticket', SERVER)).toBe(true);
    expect(isKioskUrl('http://10.0.0.2:8080/manager/', SERVER)).toBe(false);
    expect(isKioskUrl('http://10.0.0.3:8080/kiosk/', SERVER)).toBe(false);
  });
});
