import { describe, expect, it } from 'vitest';
import { isKioskUrl, kioskHomeUrl } from './navigation-policy';

const SERVER = 'http://10.0.0.2:8080';

describe('kioskHomeUrl', () => {
  it('is /kiosk/ on the server', () => {
    expect(kioskHomeUrl(SERVER)).toBe('http://10.0.0.2:8080/kiosk/');
  });
});

describe('isKioskUrl', () => {
  it("allows the kiosk's own pages on its server", () => {
    expect(isKioskUrl('http://10.0.0.2:8080/kiosk/', SERVER)).toBe(true);
    expect(isKioskUrl('http://10.0.0.2:8080/kiosk/?lang=bo#ticket', SERVER)).toBe(true);
    expect(isKioskUrl('http://10.0.0.2:8080/kiosk/assets/kiosk.js', SERVER)).toBe(true);
  });

  it('refuses other pages of the same server', () => {
    expect(isKioskUrl('http://10.0.0.2:8080/manager/', SERVER)).toBe(false);
    expect(isKioskUrl('http://10.0.0.2:8080/kiosk', SERVER)).toBe(false);
    expect(isKioskUrl('http://10.0.0.2:8080/api/openapi.json', SERVER)).toBe(false);
  });

  it('refuses another scheme, host or port', () => {
    expect(isKioskUrl('https://10.0.0.2:8080/kiosk/', SERVER)).toBe(false);
    expect(isKioskUrl('http://10.0.0.3:8080/kiosk/', SERVER)).toBe(false);
    expect(isKioskUrl('http://10.0.0.2:8081/kiosk/', SERVER)).toBe(false);
    expect(isKioskUrl('http://10.0.0.2:8080@evil.example/kiosk/', SERVER)).toBe(false);
  });

  it('refuses local files, data, javascript and garbage', () => {
    expect(isKioskUrl('file:///etc/passwd', SERVER)).toBe(false);
    expect(isKioskUrl('data:text/html,<h1>hi</h1>', SERVER)).toBe(false);
    expect(isKioskUrl('javascript:alert(1)', SERVER)).toBe(false);
    expect(isKioskUrl('not a url', SERVER)).toBe(false);
    expect(isKioskUrl(undefined, SERVER)).toBe(false);
  });

  it('refuses a path that only climbs out of /kiosk/ once resolved', () => {
    expect(isKioskUrl('http://10.0.0.2:8080/kiosk/../manager/', SERVER)).toBe(false);
  });
});
