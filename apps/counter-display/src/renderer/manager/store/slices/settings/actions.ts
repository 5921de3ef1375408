import { ApiError } from '@hallq/shared/client';
import { type SettingsSection, sameValue } from '@hallq/shared/domain';
import type { SliceCreator } from '../../types';
import { type CatalogueActions, createCatalogueActions } from './catalogue-actions';
import { type CredentialActions, createCredentialActions } from './credential-actions';
import { savedSection } from './selectors';
import { settingsWrites } from './settings-writes';
import { type TestNoticeActions, createTestNoticeActions } from './test-notice-actions';
import {
  type SectionValues,
  type SettingsRefusal,
  type SettingsState,
  initialCatalogueState,
  initialSettingsState,
} from './state';

export interface SettingsActions extends CredentialActions, CatalogueActions, TestNoticeActions {
  /** Reads the settings afresh (after any change too); a 403 tells a chief representative the hall keeps them out. */
  loadSettings(): Promise<void>;
  /** A section edited: kept as a draft until saved or discarded. */
  editSection<S extends SettingsSection>(section: S, value: SectionValues[S]): void;
  discardSection(section: SettingsSection): void;
  /** The section's draft replaces the section, against the version shown; true when saved. */
  saveSection(section: SettingsSection): Promise<boolean>;
  /** After someone else's change: every draft dropped and the settings read again. */
  reloadSettings(): Promise<void>;
  loadSettingsHistory(): Promise<void>;
  showSettingsVersion(version: number): Promise<void>;
  closeSettingsVersion(): void;
  rollbackSettings(toVersion: number): Promise<boolean>;
  /** Another section opened: what the last save said is no longer about what is shown. */
  dismissSettingsNotice(): void;
  /** The settings page closed (or the session ended): drafts, secrets and previews are forgotten. */
  closeSettings(): void;
}
export type SettingsSlice = SettingsState & SettingsActions;

/** A refusal of the server as the page shows it; null for a 401 (the session ends instead). */
export function refusalOf(error: unknown, section: SettingsSection | null): SettingsRefusal | null {
  if (!(error instanceof ApiError))
    return { section, kind: 'network', message: error instanceof Error ? error.message : String(error), fields: [] };
  if (error.status === 401) return null;
  const kind: SettingsRefusal['kind'] =
    error.code === 'settings_changed'
      ? 'conflict'
      : error.code === 'strands_work'
        ? 'strands_work'
        : error.code === 'forbidden'
          ? 'forbidden'
          : 'validation';
  return { section, kind, message: error.message, fields: error.fields };
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get, { client, newRequestId }) => {
  /** Only the latest load counts; closing the page invalidates every load in flight. */
  let generation = 0;
  const writes = settingsWrites(get, newRequestId);
  const { token, expired, requestIdFor, answered } = writes;
  /** A write refused: kept for the page, unless the session ended. */
  const refuse = (error: unknown, section: SettingsSection | null) => {
    if (error instanceof ApiError) answered();
    if (expired(error)) return;
    set({ settingsRefusal: refusalOf(error, section) });
  };

  return {
    ...initialSettingsState,
    ...createCredentialActions(set, get, client, writes),
    ...createCatalogueActions(set, get, client, writes),
    ...createTestNoticeActions(set, get, client, newRequestId),

    async loadSettings() {
      const bearer = token();
      if (!bearer) return;
      const mine = ++generation;
      set({ settingsStatus: 'loading' });
      try {
        const view = await client.call('settings', { token: bearer });
        if (mine !== generation) return;
        set({ settingsView: view, settingsStatus: 'loaded', settingsAccess: { token: bearer, allowed: true } });
      } catch (error) {
        if (mine !== generation || expired(error)) return;
        const refused = error instanceof ApiError && error.status === 403;
        set({
          settingsStatus: 'failed',
          ...(refused ? { settingsAccess: { token: bearer, allowed: false }, settingsView: null } : {}),
        });
      }
    },

    editSection(section, value) {
      const view = get().settingsView;
      const drafts = { ...get().settingsDrafts };
      // Edited back to what the server has: nothing to save.
      if (view && sameValue(savedSection(view, section), value)) delete drafts[section];
      else drafts[section] = value;
      set({ settingsDrafts: drafts, settingsNotice: null });
    },

    discardSection(section) {
      const drafts = { ...get().settingsDrafts };
      delete drafts[section];
      const refusal = get().settingsRefusal;
      set({ settingsDrafts: drafts, settingsRefusal: refusal?.section === section ? null : refusal });
    },

    async saveSection(section) {
      const { settingsView: view, settingsDrafts: drafts, settingsSaving } = get();
      const value = drafts[section];
      const bearer = token();
      if (!view || value === undefined || !bearer || settingsSaving !== null) return false;
      const body = { baseVersion: view.version, value };
      set({ settingsSaving: section, settingsRefusal: null, settingsNotice: null });
      try {
        const requestId = requestIdFor({ section, ...body });
        const changed = await client.call('changeSettings', {
          params: { section },
          body: { requestId, ...body },
          token: bearer,
        });
        answered();
        const rest = { ...get().settingsDrafts };
        delete rest[section];
        set({
          settingsSaving: null,
          settingsDrafts: rest,
          settingsNotice: { kind: 'saved', version: changed.version },
        });
        await get().loadSettings();
        return true;
      } catch (error) {
        set({ settingsSaving: null });
        refuse(error, section);
        return false;
      }
    },

    async reloadSettings() {
      set({ settingsDrafts: {}, settingsRefusal: null, settingsNotice: null, catalogue: initialCatalogueState });
      await get().loadSettings();
      if (get().settingsHistoryStatus !== 'idle') await get().loadSettingsHistory();
    },

    async loadSettingsHistory() {
      const bearer = token();
      if (!bearer) return;
      set({ settingsHistoryStatus: 'loading' });
      try {
        const { versions } = await client.call('settingsHistory', { query: { limit: 100 }, token: bearer });
        set({ settingsHistory: versions, settingsHistoryStatus: 'loaded' });
      } catch (error) {
        if (!expired(error)) set({ settingsHistoryStatus: 'failed' });
      }
    },

    async showSettingsVersion(version) {
      const bearer = token();
      if (!bearer) return;
      try {
        const detail = await client.call('settingsVersion', { params: { version }, token: bearer });
        set({ settingsVersionShown: detail });
      } catch (error) {
        refuse(error, null);
      }
    },

    closeSettingsVersion() {
      set({ settingsVersionShown: null });
    },

    async rollbackSettings(toVersion) {
      const view = get().settingsView;
      const bearer = token();
      if (!view || !bearer) return false;
      const body = { baseVersion: view.version, toVersion };
      set({ settingsRefusal: null, settingsNotice: null });
      try {
        const changed = await client.call('rollbackSettings', {
          body: { requestId: requestIdFor({ rollback: body }), ...body },
          token: bearer,
        });
        answered();
        set({
          settingsDrafts: {},
          settingsVersionShown: null,
          settingsNotice: { kind: 'rolledBack', version: changed.version },
        });
        await get().loadSettings();
        await get().loadSettingsHistory();
        return true;
      } catch (error) {
        refuse(error, null);
        return false;
      }
    },

    dismissSettingsNotice() {
      set({ settingsNotice: null });
    },

    closeSettings() {
      generation++;
      answered();
      // Whether the session may edit settings stays known: the tab is shown from it.
      set({ ...initialSettingsState, settingsAccess: get().settingsAccess });
    },
  };
};
