import { z } from 'zod';
import { HallConfig } from '../config/hall-config';
import { SETTINGS_SECTIONS } from '../domain/settings/sections';
import { RequestId } from './common';
import { CSV_MEDIA_TYPE, DownloadedFile, XLSX_MEDIA_TYPE, type RouteContract } from './route-contract';

export const SettingsSectionParam = z.object({ section: z.enum(SETTINGS_SECTIONS) }).strict();

/** One line of the history: an entry of a section added, removed or changed (`key` null: the section as a whole). */
export const SettingsChangeLine = z
  .object({
    section: z.enum(SETTINGS_SECTIONS),
    key: z.string().nullable(),
    kind: z.enum(['added', 'removed', 'changed']),
    fields: z.array(z.string()),
  })
  .strict();

export const SettingsVersionInfo = z
  .object({
    version: z.number().int().positive(),
    at: z.string(),
    /** `staff:<id>`, or `hall-file` for a version read from the hall file at a start. */
    actor: z.string(),
    source: z.enum(['file', 'console', 'rollback', 'import']),
    changes: z.array(SettingsChangeLine),
    rolledBackTo: z.number().int().nullable(),
  })
  .strict();
export type SettingsVersionInfo = z.infer<typeof SettingsVersionInfo>;

/**
 * The hall's settings as the console edits them: the hall without any password or key (the schema's hash fields are
 * never filled here), who has a password or a key, and whose password is one the manager set.
 */
export const SettingsView = z
  .object({
    version: z.number().int().positive(),
    at: z.string(),
    actor: z.string(),
    hall: HallConfig,
    /** Staff ids with a password, and whether it must be changed at the next login. */
    passwords: z.record(z.string(), z.object({ mustChange: z.boolean() }).strict()),
    /** Device ids holding a key. */
    deviceKeys: z.array(z.string()),
    /**
     * Whether the settings in force hold the token of the province's endpoint and of the SMS gateway: the view never
     * carries a token, so this is how the console says 已设置.
     */
    tokensSet: z.object({ ratingUpload: z.boolean(), gateway: z.boolean() }).strict(),
  })
  .strict();
export type SettingsView = z.infer<typeof SettingsView>;

/**
 * A change: one section replaced whole, made against the version the editor saw (`baseVersion`), so two people editing
 * at once cannot undo each other unseen (409 settings_changed). The value is checked as the hall file is.
 */
export const ChangeSettingsRequest = z
  .object({ requestId: RequestId, baseVersion: z.number().int().positive(), value: z.unknown() })
  .strict();
export const SettingsChanged = z
  .object({ version: z.number().int().positive(), changes: z.array(SettingsChangeLine) })
  .strict();

export const RollbackSettingsRequest = z
  .object({
    requestId: RequestId,
    baseVersion: z.number().int().positive(),
    toVersion: z.number().int().positive(),
  })
  .strict();

export const SettingsHistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
export const SettingsHistory = z.object({ versions: z.array(SettingsVersionInfo) }).strict();
export const SettingsVersionParam = z.object({ version: z.coerce.number().int().positive() }).strict();
export const SettingsVersionDetail = z.object({ info: SettingsVersionInfo, hall: HallConfig }).strict();

export const StaffIdParam = z.object({ id: z.string().min(1).max(32) }).strict();
export const DeviceIdParam = z.object({ id: z.string().min(1).max(32) }).strict();
export const CredentialRequest = z.object({ requestId: RequestId }).strict();

/** Shown once, to the manager who reset it: the person logs in with it and must choose their own at once. */
export const PasswordReset = z.object({ staffId: z.string(), temporaryPassword: z.string() }).strict();
/** Shown once: typed or scanned (QR) into the device's setup; the server keeps only its salted hash. */
export const DeviceKeyIssued = z.object({ deviceId: z.string(), key: z.string() }).strict();
export const Done = z.object({ ok: z.literal(true) }).strict();

/** A password the hall accepts: long enough to resist guessing where logins are throttled, short enough to type. */
export const NewPassword = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters')
  .refine((p) => /\D/.test(p) && /\d/.test(p), 'must mix digits with letters or signs');
export const ChangePasswordRequest = z.object({ current: z.string().min(1), next: NewPassword }).strict();

/** A spreadsheet of the item catalogue (事项清单), as the browser read it: its bytes in base64 (at most 5 MB). */
export const CatalogueFile = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    content: z.base64().max(7_000_000, 'the file is over 5 MB'),
  })
  .strict();
export const CatalogueProblem = z
  .object({
    /** The sheet's row as the user sees it (the header is row 1; 0: the file as a whole). */
    row: z.number().int().min(0),
    /** The column's header as the sheet has it (or the field, for a missing column). */
    column: z.string(),
    message: z.string(),
  })
  .strict();
/** What an import would do, nothing applied: the rows with problems, and the items added, changed and kept. */
export const CataloguePreview = z
  .object({
    baseVersion: z.number().int().positive(),
    rows: z.number().int(),
    problems: z.array(CatalogueProblem),
    added: z.array(z.object({ code: z.string(), name: z.string() }).strict()),
    changed: z.array(z.object({ code: z.string(), name: z.string(), fields: z.array(z.string()) }).strict()),
    unchanged: z.number().int(),
    /** Items of the hall the sheet does not carry: they are kept. */
    absent: z.array(z.string()),
  })
  .strict();
export type CataloguePreview = z.infer<typeof CataloguePreview>;
export const ImportCatalogueRequest = CatalogueFile.extend({
  requestId: RequestId,
  baseVersion: z.number().int().positive(),
}).strict();

/** The whole hall file (YAML) as it stands, without passwords or keys: what an IT officer keeps or starts a new server with. */
export const YAML_MEDIA_TYPE = 'application/yaml; charset=utf-8';

export const settingsRoutes = {
  settings: {
    method: 'GET',
    path: '/api/settings',
    summary: 'The hall settings as the console edits them (a chief representative: where the hall lets them edit)',
    auth: 'department_lead',
    status: 200,
    response: SettingsView,
  },
  changeSettings: {
    method: 'POST',
    path: '/api/settings/sections/:section',
    summary: 'Replace one section of the settings; applied at once, journaled, a new version',
    auth: 'department_lead',
    params: SettingsSectionParam,
    body: ChangeSettingsRequest,
    status: 200,
    response: SettingsChanged,
  },
  settingsHistory: {
    method: 'GET',
    path: '/api/settings/history',
    summary: 'The settings versions, newest first: who changed what, when',
    auth: 'manager',
    query: SettingsHistoryQuery,
    status: 200,
    response: SettingsHistory,
  },
  settingsVersion: {
    method: 'GET',
    path: '/api/settings/versions/:version',
    summary: 'One earlier version of the settings, whole',
    auth: 'manager',
    params: SettingsVersionParam,
    status: 200,
    response: SettingsVersionDetail,
  },
  rollbackSettings: {
    method: 'POST',
    path: '/api/settings/rollback',
    summary: 'Make an earlier version the hall again (a new version equal to it; passwords and keys stay as they are)',
    auth: 'manager',
    body: RollbackSettingsRequest,
    status: 200,
    response: SettingsChanged,
  },
  resetPassword: {
    method: 'POST',
    path: '/api/settings/staff/:id/password',
    summary: 'Give a person a one-time password (shown once); they choose their own at the next login',
    auth: 'manager',
    params: StaffIdParam,
    body: CredentialRequest,
    status: 200,
    response: PasswordReset,
  },
  issueDeviceKey: {
    method: 'POST',
    path: '/api/settings/devices/:id/key',
    summary: 'Give a device a new key (shown once); its previous key stops working at once',
    auth: 'manager',
    params: DeviceIdParam,
    body: CredentialRequest,
    status: 200,
    response: DeviceKeyIssued,
  },
  revokeDeviceKey: {
    method: 'POST',
    path: '/api/settings/devices/:id/revoke',
    summary: "Take a device's key away: refused at once, until a new key is issued",
    auth: 'manager',
    params: DeviceIdParam,
    body: CredentialRequest,
    status: 200,
    response: Done,
  },
  previewCatalogue: {
    method: 'POST',
    path: '/api/settings/catalogue/preview',
    summary: 'Read an item spreadsheet: its problems by row and column, and what it would change (nothing applied)',
    auth: 'department_lead',
    body: CatalogueFile,
    bodyLimit: 8 * 1024 * 1024,
    status: 200,
    response: CataloguePreview,
  },
  importCatalogue: {
    method: 'POST',
    path: '/api/settings/catalogue/import',
    summary: 'Apply an item spreadsheet without problems as one new version of the settings',
    auth: 'department_lead',
    body: ImportCatalogueRequest,
    bodyLimit: 8 * 1024 * 1024,
    status: 200,
    response: SettingsChanged,
  },
  catalogueXlsx: {
    method: 'GET',
    path: '/api/settings/catalogue.xlsx',
    summary: 'The item catalogue as a spreadsheet in the import layout',
    auth: 'department_lead',
    status: 200,
    produces: XLSX_MEDIA_TYPE,
    response: DownloadedFile,
  },
  catalogueCsv: {
    method: 'GET',
    path: '/api/settings/catalogue.csv',
    summary: 'The item catalogue as CSV (UTF-8 with a BOM) in the import layout',
    auth: 'department_lead',
    status: 200,
    produces: CSV_MEDIA_TYPE,
    response: DownloadedFile,
  },
  hallFile: {
    method: 'GET',
    path: '/api/settings/hall.yaml',
    summary: 'The whole hall file as it stands now (YAML, without passwords or keys)',
    auth: 'manager',
    status: 200,
    produces: YAML_MEDIA_TYPE,
    response: DownloadedFile,
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    summary: 'A person changes their own password (the only thing a one-time password allows)',
    auth: 'staff',
    body: ChangePasswordRequest,
    status: 200,
    response: Done,
  },
} as const satisfies Record<string, RouteContract>;
