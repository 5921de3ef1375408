import type { Announcement } from './announcer';

declare global {
  interface Window {
    /** Every announcement as it starts, for the e2e scenarios: they cannot hear the hall, and sound may be blocked. */
    __hallqVoice?: Announcement[];
  }
}

export function recordAnnouncement(announcement: Announcement): void {
  (window.__hallqVoice ??= []).push(announcement);
}
