import type { ScreenPage, ScreenSettings } from './settings';

/** The page's own folder on the queue server: the window may go nowhere else. */
export function pagePath(page: ScreenPage): string {
  return `/${page}/`;
}

/** The page this screen shows, with the window number and device key the page reads from its query. */
export function pageUrl(settings: ScreenSettings): string {
  const url = new URL(pagePath(settings.page), settings.serverUrl);
  if ('window' in settings) url.searchParams.set('window', String(settings.window));
  if ('deviceKey' in settings) url.searchParams.set('key', settings.deviceKey);
  return url.href;
}

/** The unattended screens lock the machine to the page; the counter panel and the manager run on a clerk's PC. */
export function isKioskScreen(page: ScreenPage): boolean {
  return page === 'display' || page === 'window' || page === 'rating';
}
