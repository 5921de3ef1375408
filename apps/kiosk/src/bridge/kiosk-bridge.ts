/**
 * The one object the Electron preload exposes to the kiosk renderer as `window.hallq`. Type-only and free of Node
 * imports: the preload implements it (checked with `satisfies`), the renderer calls it, and the e2e scenarios inject
 * an implementation backed by the same main-process modules. Everything crossing it is plain JSON.
 */

import type { DoorStage, PickupResult } from '@hallq/shared/contracts';

// The locker PC's pickup answers and door stages are shared with its lock-board agent (@hallq/devices).
export type { DoorStage, PickupResult };

/**
 * What is printed on a ticket, already localized. The ticket is in Chinese, which the hall staff read; a ticket
 * taken in Tibetan or English also carries the window type and the validity line in that language.
 */
export interface TicketPrintJob {
  hallName: string;
  windowTypeName: string;
  /** The service item the citizen chose, if any. */
  serviceItemName: string | null;
  number: string;
  peopleAhead: number;
  estimatedWaitMinutes: number | null;
  windows: number[];
  /** ISO 8601 instant the ticket was issued. */
  issuedAt: string;
  /** IANA time zone of the hall. */
  timeZone: string;
  /** Absolute URL of the public status page (ASCII): the QR code. */
  statusUrl: string;
  /** Materials to bring (一次性告知), in order. */
  materials: string[];
  /** Absent (or null) for a ticket taken in Chinese. */
  inCitizenLanguage?: CitizenText | null;
}

/** The lines of a ticket printed in the citizen's language as well, each above its Chinese. */
export interface CitizenText {
  windowTypeName: string;
  /** The "valid today only" line. */
  validToday: string;
}

export type PrinterState = 'ready' | 'offline' | 'paper_out' | 'not_configured';

export type PrintFailure = 'offline' | 'paper_out' | 'timeout' | 'error';

export type PrintResult = { ok: true } | { ok: false; reason: PrintFailure; message: string };

/**
 * A card placed on the kiosk's reader, as the page may know it: the masked name to greet the citizen with (张*), and
 * the read sealed by the main process for the server (`idCard` of a ticket request), which the page cannot open. Or
 * why no card was read: none placed in time, taken away mid-read, not a card the reader could read, a reader fault,
 * or no reader at this kiosk.
 */
export type IdCardRead =
  | { ok: true; maskedName: string; proof: string }
  | { ok: false; reason: 'no_card' | 'removed' | 'unreadable' | 'fault' | 'not_fitted' };

export interface KioskInfo {
  kioskId: string;
  /** The kiosk's device key for the queue server (Authorization: Bearer …). */
  deviceKey: string;
  hasIdCardReader: boolean;
  /** The kiosk is wired to a pickup locker's lock boards: it offers 自助取件. */
  hasLocker: boolean;
}

export interface KioskBridge {
  info(): Promise<KioskInfo>;
  printerStatus(): Promise<PrinterState>;
  printTicket(job: TicketPrintJob): Promise<PrintResult>;
  /** Waits up to `timeoutMs` for a card on the reader (a card placed while no page waits is never read). */
  readIdCard(timeoutMs: number): Promise<IdCardRead>;
  /** A six-digit pickup code typed or scanned at the locker (only when `info().hasLocker`). */
  collectPickup(code: string): Promise<PickupResult>;
  /** Waits up to `waitMs` for the door of a pickup's command to move on from `after`; answers its stage then. */
  doorStage(commandId: string, after: DoorStage, waitMs: number): Promise<DoorStage>;
}

declare global {
  interface Window {
    /** Present only inside the Electron shell (or an e2e harness standing in for it). */
    hallq?: KioskBridge;
  }
}
