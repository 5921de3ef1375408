import { describe, expect, it } from 'vitest';
import { connectingPageUrl } from './local-pages';
import { keepPageLoaded, type PageContents } from './keep-page-loaded';

const HOME = 'http://hall.test/display/?key=k';

/** A window that records what it loaded and lets the test fire its events. */
function fakeContents() {
  const loaded: string[] = [];
  const listeners: {
    fail?: (code: number, url: string, main: boolean) => void;
    navigate?: (url: string, code: number) => void;
    gone?: () => void;
  } = {};
  let nextStatus = 200;
  const contents: PageContents = {
    loadURL: async (url) => {
      loaded.push(url);
      listeners.navigate?.(url, url === HOME ? nextStatus : 200);
    },
    onFailLoad: (l) => (listeners.fail = l),
    onNavigate: (l) => (listeners.navigate = l),
    onGone: (l) => (listeners.gone = l),
  };
  return { contents, loaded, listeners, setStatus: (s: number) => (nextStatus = s) };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
const options = (up: () => boolean) => ({
  home: HOME,
  allowed: (url: string) => url.startsWith('http://hall.test/display/'),
  isServerUp: async () => up(),
  wait: async () => {},
});

describe('keepPageLoaded', () => {
  it('shows the connecting page while the server is down, then loads the page once it answers', async () => {
    const w = fakeContents();
    let checks = 0;
    await keepPageLoaded(
      w.contents,
      options(() => ++checks > 2),
    );
    expect(w.loaded).toEqual([connectingPageUrl(), HOME]);
  });

  it('goes back to connecting when the server answers the page with a 5xx', async () => {
    const w = fakeContents();
    w.setStatus(503);
    let checks = 0;
    const first = keepPageLoaded(
      w.contents,
      options(() => {
        checks++;
        if (checks === 3) w.setStatus(200);
        return true;
      }),
    );
    await first;
    expect(w.loaded.filter((u) => u === HOME).length).toBeGreaterThanOrEqual(2);
    expect(w.loaded).toContain(connectingPageUrl());
    expect(w.loaded.at(-1)).toBe(HOME);
  });

  it('reloads after the renderer died, and ignores failures of pages that are not its own', async () => {
    const w = fakeContents();
    await keepPageLoaded(
      w.contents,
      options(() => true),
    );
    w.listeners.fail!(-105, 'http://elsewhere.test/', true);
    w.listeners.fail!(-3, HOME, true); // aborted by another load: not a failure
    await flush();
    expect(w.loaded).toEqual([HOME]);
    w.listeners.gone!();
    await flush();
    expect(w.loaded).toEqual([HOME, HOME]);
  });
});
