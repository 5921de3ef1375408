import { describe, expect, it } from 'vitest';
import { connectingPageUrl, outOfServicePageUrl } from './local-pages';

const html = (url: string) => decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));

describe('local pages', () => {
  it('tell the citizen in Chinese, Tibetan and English that the screen is connecting, with no script', () => {
    const page = html(connectingPageUrl());
    expect(page).toContain('正在连接大厅服务器');
    expect(page).toContain('lang="bo"');
    expect(page).toContain('Connecting to the hall server');
    expect(page).not.toContain('<script');
  });

  it('show the installer what is wrong with the settings, escaped', () => {
    const page = html(outOfServicePageUrl('/etc/k.json:\n  serverUrl: <bad>'));
    expect(page).toContain('serverUrl: &#60;bad&#62;');
    expect(page).not.toContain('<bad>');
  });
});
