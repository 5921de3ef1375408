import { describe, expect, it } from 'vitest';
import { isAllowedUrl } from './navigation-policy';

const SERVER = 'http://10.0.0.2:8080';
const allowed = (url: string | undefined) => isAllowedUrl(url, SERVER, ['/kiosk/']);

describe('isAllowedUrl', () => {
  it('allows the pages under the prefix on the server', () => {
    expect(allowed('http://10.0.0.2:8080/kiosk/')).toBe(true);
    expect(allowed('http://10.0.0.2:8080/kiosk/?lang=bo#ticket')).toBe(true);
    expect(allowed('http://10.0.0.2:8080/kiosk/assets/kiosk.js')).toBe(true);
  });

  it('allows any of several prefixes', () => {
    const prefixes = ['/display/', '/window/'];
    expect(isAllowedUrl('http://10.0.0.2:8080/window/?window=3', SERVER, prefixes)).toBe(true);
    expect(isAllowedUrl('http://10.0.0.2:8080/display/', SERVER, prefixes)).toBe(true);
    expect(isAllowedUrl('http://10.0.0.2:8080/rating/', SERVER, prefixes)).toBe(false);
  });

  it('refuses other pages of the same server', () => {
    expect(allowed('http://10.0.0.2:8080/manager/')).toBe(false);
    expect(allowed('http://10.0.0.2:8080/kiosk')).toBe(false);
    expect(allowed('http://10.0.0.2:8080/kiosk-admin/')).toBe(false);
    expect(allowed('http://10.0.0.2:8080/api/openapi.json')).toBe(false);
  });

  it('refuses another scheme, host or port', () => {
    expect(allowed('https://10.0.0.2:8080/kiosk/')).toBe(false);
    expect(allowed('http://10.0.0.3:8080/kiosk/')).toBe(false);
    expect(allowed('http://10.0.0.2:8081/kiosk/')).toBe(false);
    expect(allowed('http://10.0.0.2:8080@evil.example/kiosk/')).toBe(false);
  });

  it('refuses local files, data, javascript and garbage', () => {
    expect(allowed('file:///etc/passwd')).toBe(false);
    expect(allowed('data:text/html,<h1>hi</h1>')).toBe(false);
    expect(allowed('javascript:alert(1)')).toBe(false);
    expect(allowed('not a url')).toBe(false);
    expect(allowed(undefined)).toBe(false);
  });

  it('refuses a path that only climbs out of the prefix once resolved', () => {
    expect(allowed('http://10.0.0.2:8080/kiosk/../manager/')).toBe(false);
  });

  it('allows nothing without a prefix', () => {
    expect(isAllowedUrl('http://10.0.0.2:8080/kiosk/', SERVER, [])).toBe(false);
  });
});
