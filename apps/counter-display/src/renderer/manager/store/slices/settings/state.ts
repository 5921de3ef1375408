import type {
  CataloguePreview,
  FieldError,
  HallConfig,
  Notice,
  SettingsVersionInfo,
  SettingsView,
} from '@hallq/shared/contracts';
import type { SettingsSection } from '@hallq/shared/domain';

/** A section's value as the console edits it, for each section (an optional one absent: its defaults). */
export type SectionValues = { [S in SettingsSection]: NonNullable<HallConfig[S]> };
export type SettingsDrafts = Partial<SectionValues>;

/** Why the last save, rollback or import of a section was refused, for the page to show beside it. */
export interface SettingsRefusal {
  /** The section saved, or null for a rollback or an import. */
  section: SettingsSection | null;
  kind: 'validation' | 'conflict' | 'strands_work' | 'forbidden' | 'network';
  message: string;
  fields: FieldError[];
}

/** A password or a key the server showed once: kept here only until its dialog closes. */
export type ShownSecret =
  { kind: 'password'; staffId: string; secret: string } | { kind: 'deviceKey'; deviceId: string; secret: string };

/** A catalogue spreadsheet read in the browser, as the preview and the import send it. */
export interface CatalogueFileRead {
  name: string;
  format: 'xlsx' | 'csv';
  /** The bytes in base64. */
  content: string;
}

export interface CatalogueState {
  status: 'idle' | 'previewing' | 'previewed' | 'importing' | 'failed';
  file: CatalogueFileRead | null;
  preview: CataloguePreview | null;
  error: string | null;
}

/** The manager's test SMS (通知发送): in flight, queued (the notice as answered, phone masked), or refused and why. */
export type TestNoticeState =
  | { status: 'idle' }
  | { status: 'sending'; requestId: string }
  | { status: 'queued'; notice: Notice }
  | {
      status: 'failed';
      message: string;
      /** A request whose answer never came keeps its id: sent again to the same phone, the server queues it once. */
      unanswered: { requestId: string; phone: string } | null;
      /** A 429: whole seconds until another test may go. */
      retryAfterSeconds: number | null;
    };

export interface SettingsState {
  /**
   * Whether this session may edit settings: the manager always; a chief representative where the hall lets them,
   * learnt from the server answering GET /api/settings (403 or not), for the session of `token`.
   */
  settingsAccess: { token: string; allowed: boolean } | null;
  settingsView: SettingsView | null;
  settingsStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  settingsDrafts: SettingsDrafts;
  settingsSaving: SettingsSection | null;
  settingsRefusal: SettingsRefusal | null;
  /** What the last success did, in words for the page (saved as version N …). */
  settingsNotice: { kind: 'saved' | 'rolledBack' | 'imported'; version: number } | null;
  settingsHistory: SettingsVersionInfo[];
  settingsHistoryStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  settingsVersionShown: { info: SettingsVersionInfo; hall: HallConfig } | null;
  settingsSecret: ShownSecret | null;
  /** A credential call in flight, or why the last one failed. */
  settingsCredential: { status: 'idle' | 'busy' | 'failed'; message: string | null };
  catalogue: CatalogueState;
  settingsTestNotice: TestNoticeState;
}

export const initialCatalogueState: CatalogueState = { status: 'idle', file: null, preview: null, error: null };

export const initialSettingsState: SettingsState = {
  settingsAccess: null,
  settingsView: null,
  settingsStatus: 'idle',
  settingsDrafts: {},
  settingsSaving: null,
  settingsRefusal: null,
  settingsNotice: null,
  settingsHistory: [],
  settingsHistoryStatus: 'idle',
  settingsVersionShown: null,
  settingsSecret: null,
  settingsCredential: { status: 'idle', message: null },
  catalogue: initialCatalogueState,
  settingsTestNotice: { status: 'idle' },
};
