import { isAllowedUrl } from '@hallq/shell';

/** The kiosk window and its bridge belong to the kiosk's pages only: /kiosk/ on the queue server's origin. */
const KIOSK_PATH = '/kiosk/';

/** The kiosk's start page on the queue server. */
export function kioskHomeUrl(serverUrl: string): string {
  return new URL(KIOSK_PATH, serverUrl).href;
}

export function isKioskUrl(url: string | undefined, serverUrl: string): boolean {
  return isAllowedUrl(url, serverUrl, [KIOSK_PATH]);
}
