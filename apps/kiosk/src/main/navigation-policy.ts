/**
 * Where the kiosk window may go. The renderer is a web page a citizen touches: a link, a redirect or a script must
 * never take the window off the kiosk's own pages on its own server.
 */

const KIOSK_PATH = '/kiosk/';

/** The kiosk's start page on the queue server. */
export function kioskHomeUrl(serverUrl: string): string {
  return new URL(KIOSK_PATH, serverUrl).href;
}

/** True only for the kiosk's pages: the server's origin (scheme, host and port) and a path under /kiosk/. */
export function isKioskUrl(url: string | undefined, serverUrl: string): boolean {
  if (url === undefined) return false;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return target.origin === new URL(serverUrl).origin && target.pathname.startsWith(KIOSK_PATH);
}
