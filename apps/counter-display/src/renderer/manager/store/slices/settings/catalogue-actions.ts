import { ApiError, type Download } from '@hallq/shared/client';
import type { ManagerServices, ManagerStore } from '../../types';
import type { SettingsWrites } from './settings-writes';
import { type CatalogueFileRead, initialCatalogueState } from './state';

export interface CatalogueActions {
  previewCatalogue(file: CatalogueFileRead): Promise<void>;
  importCatalogue(): Promise<boolean>;
  clearCatalogue(): void;
  downloadSettingsFile(name: 'catalogueXlsx' | 'catalogueCsv' | 'hallFile'): Promise<Download | null>;
}

/** The item catalogue as a spreadsheet: previewed (nothing applied), imported against the preview's version, exported. */
export function createCatalogueActions(
  set: ManagerStore['setState'],
  get: ManagerStore['getState'],
  client: ManagerServices['client'],
  { token, expired, requestIdFor, answered }: SettingsWrites,
): CatalogueActions {
  return {
    async previewCatalogue(file) {
      const bearer = token();
      if (!bearer) return;
      set({ catalogue: { status: 'previewing', file, preview: null, error: null } });
      try {
        const preview = await client.call('previewCatalogue', {
          body: { format: file.format, content: file.content },
          token: bearer,
        });
        if (get().catalogue.file !== file) return;
        set({ catalogue: { status: 'previewed', file, preview, error: null } });
      } catch (error) {
        if (get().catalogue.file !== file || expired(error)) return;
        const message = error instanceof Error ? error.message : String(error);
        set({ catalogue: { status: 'failed', file, preview: null, error: message } });
      }
    },

    async importCatalogue() {
      const { catalogue } = get();
      const bearer = token();
      const { file, preview } = catalogue;
      if (!file || !preview || preview.problems.length > 0 || !bearer) return false;
      set({ catalogue: { ...catalogue, status: 'importing', error: null }, settingsNotice: null });
      const body = { format: file.format, content: file.content, baseVersion: preview.baseVersion };
      try {
        const changed = await client.call('importCatalogue', {
          body: { requestId: requestIdFor({ importCatalogue: body }), ...body },
          token: bearer,
        });
        answered();
        set({ catalogue: initialCatalogueState, settingsNotice: { kind: 'imported', version: changed.version } });
        await get().loadSettings();
        return true;
      } catch (error) {
        if (error instanceof ApiError) answered();
        if (expired(error)) return false;
        const message = error instanceof Error ? error.message : String(error);
        set({ catalogue: { ...get().catalogue, status: 'failed', error: message } });
        return false;
      }
    },

    clearCatalogue() {
      set({ catalogue: initialCatalogueState });
    },

    async downloadSettingsFile(name) {
      const bearer = token();
      if (!bearer) return null;
      try {
        return await client.download(name, { token: bearer });
      } catch (error) {
        expired(error);
        return null;
      }
    },
  };
}
