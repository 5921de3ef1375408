import { isAllowedUrl } from '@hallq/shell';
import { describe, expect, it } from 'vitest';
import { isKioskScreen, pagePath, pageUrl } from './page-url';

const serverUrl = 'http://10.0.0.2:8080';

describe('pageUrl', () => {
  it('builds each page with what it reads from its query', () => {
    expect(pageUrl({ serverUrl, page: 'display', deviceKey: 'demo-display' })).toBe(
      'http://10.0.0.2:8080/display/?key=demo-display',
    );
    expect(pageUrl({ serverUrl, page: 'window', window: 3, deviceKey: 'demo-window-3' })).toBe(
      'http://10.0.0.2:8080/window/?window=3&key=demo-window-3',
    );
    expect(pageUrl({ serverUrl, page: 'rating', window: 3, deviceKey: 'demo-rating-3' })).toBe(
      'http://10.0.0.2:8080/rating/?window=3&key=demo-rating-3',
    );
    expect(pageUrl({ serverUrl, page: 'counter', window: 3 })).toBe('http://10.0.0.2:8080/counter/?window=3');
    expect(pageUrl({ serverUrl, page: 'manager' })).toBe('http://10.0.0.2:8080/manager/');
  });

  it('encodes a key the URL would otherwise misread', () => {
    expect(pageUrl({ serverUrl, page: 'display', deviceKey: 'a&b#c' })).toBe(
      'http://10.0.0.2:8080/display/?key=a%26b%23c',
    );
  });
});

describe('navigation within the page', () => {
  const allowed = (url: string) => isAllowedUrl(url, serverUrl, [pagePath('window')]);

  it('lets the window screen reload itself and load its assets, nothing else', () => {
    expect(allowed(pageUrl({ serverUrl, page: 'window', window: 3, deviceKey: 'k' }))).toBe(true);
    expect(allowed('http://10.0.0.2:8080/window/assets/index.js')).toBe(true);
    expect(allowed('http://10.0.0.2:8080/display/?key=k')).toBe(false);
    expect(allowed('http://10.0.0.2:8080/manager/')).toBe(false);
    expect(allowed('http://example.com/window/')).toBe(false);
  });
});

describe('isKioskScreen', () => {
  it('locks the unattended screens only', () => {
    expect(isKioskScreen('display')).toBe(true);
    expect(isKioskScreen('window')).toBe(true);
    expect(isKioskScreen('rating')).toBe(true);
    expect(isKioskScreen('counter')).toBe(false);
    expect(isKioskScreen('manager')).toBe(false);
  });
});
