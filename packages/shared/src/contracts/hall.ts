import { z } from 'zod';
import {
  DepartmentConfig,
  HallCalendar,
  type HallConfig,
  LanguageCode,
  LocalizedText,
  RatingReasonConfig,
  ServiceItemConfig,
  WeekHours,
  WindowConfig,
  WindowTypeConfig,
} from '../config/hall-config';
import type { RouteContract } from './route-contract';

/** What any device may know about the hall: no staff, no device keys. */
export const PublicHall = z
  .object({
    /** The settings version this is of: a page whose feed tells a newer one (`hallVersion`) loads the hall again. */
    version: z.number().int().positive(),
    name: LocalizedText,
    timeZone: z.string(),
    languages: z.array(LanguageCode),
    hours: WeekHours,
    /** Holidays and 调休 days: the counter panel counts promised working days with them. */
    calendar: HallCalendar,
    /** The departments in the hall, for the names of whose window and whose item (五公开: who answers for it). */
    departments: z.array(DepartmentConfig),
    windowTypes: z.array(WindowTypeConfig),
    serviceItems: z.array(ServiceItemConfig),
    windows: z.array(WindowConfig),
    /** Where the kiosk's priority button leads (policy.priorityPath). */
    priorityPath: z.enum(['help_and_proxy', 'priority_ticket']),
    /** The appointment check-in window around a slot start, for the kiosk to explain early and late arrivals. */
    appointmentEarlyMinutes: z.number().int(),
    appointmentLateMinutes: z.number().int(),
    /** Calls before a ticket may be marked no-show (policy.noShowAfterCalls), for the counter panel. */
    noShowAfterCalls: z.number().int(),
    /** Whether clerks may work the guide desk (policy.clerksAtGuideDesk), for the desk's login to say so at once. */
    clerksAtGuideDesk: z.boolean(),
    /** Reasons offered for a bad rating, and how long the pad waits for an answer. */
    ratingReasons: z.array(RatingReasonConfig),
    ratingTimeoutSeconds: z.number().int(),
    /** Staff id → name, only when the hall shows names on window screens (policy.showClerkNames); else null. */
    clerkNames: z.record(z.string(), z.string()).nullable(),
    /** The status page's public base URL for the QR code (hall file `publicStatusUrl`); null: the kiosk's own address. */
    publicStatusUrl: z.string().nullable(),
  })
  .strict();
export type PublicHall = z.infer<typeof PublicHall>;

/** The public part of a hall file, as GET /api/hall answers it. */
export function toPublicHall(hall: HallConfig, version: number): PublicHall {
  const {
    name,
    timeZone,
    languages,
    hours,
    calendar,
    departments,
    windowTypes,
    serviceItems,
    windows,
    policy,
    ratingReasons,
    staff,
  } = hall;
  const {
    priorityPath,
    appointmentEarlyMinutes,
    appointmentLateMinutes,
    ratingTimeoutSeconds,
    noShowAfterCalls,
    clerksAtGuideDesk,
  } = policy;
  // Only people who can be at a window (an A or B post), and only when the hall shows names at all.
  const clerkNames = policy.showClerkNames
    ? Object.fromEntries(staff.filter((s) => s.aWindows.length + s.bWindows.length > 0).map((s) => [s.id, s.name]))
    : null;
  return {
    version,
    name,
    timeZone,
    languages,
    hours,
    calendar,
    departments,
    windowTypes,
    serviceItems,
    windows,
    priorityPath,
    appointmentEarlyMinutes,
    appointmentLateMinutes,
    noShowAfterCalls,
    clerksAtGuideDesk,
    ratingReasons,
    ratingTimeoutSeconds,
    clerkNames,
    publicStatusUrl: hall.publicStatusUrl ?? null,
  };
}

/** The disk as health tells it: `writable` false (and health 503) after a failed write or when space runs low. */
export const StorageHealth = z
  .object({
    writable: z.boolean(),
    freeBytes: z.number(),
    walBytes: z.number(),
    fault: z.object({ code: z.string(), at: z.string() }).strict().nullable(),
  })
  .strict();

/** The nightly backup as health tells it (null without one): a failure leaves the hall running, so health stays 200. */
export const BackupHealth = z
  .object({
    lastAt: z.string().nullable(),
    /** A code only (an errno, SQLite's, or `backup_failed`): health is public, and a message may name folders. */
    failure: z.object({ at: z.string(), code: z.string() }).strict().nullable(),
  })
  .strict();
export type BackupHealth = z.infer<typeof BackupHealth>;

export const Health = z
  .object({
    /** `unavailable` (with HTTP 503) when the hall cannot write. */
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    now: z.string(),
    hallDay: z.string(),
    seq: z.number(),
    storage: StorageHealth,
    backup: BackupHealth.nullable(),
  })
  .strict();
export type Health = z.infer<typeof Health>;

export const hallRoutes = {
  health: {
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and the hall day',
    auth: 'public',
    status: 200,
    response: Health,
  },
  hall: {
    method: 'GET',
    path: '/api/hall',
    summary: 'Public part of the hall configuration',
    auth: 'public',
    status: 200,
    response: PublicHall,
  },
} as const satisfies Record<string, RouteContract>;
