import type { CataloguePreview, StaffConfig } from '@hallq/shared/contracts';
import { ApiError } from '../service/api-error';
import type { HallDay } from '../service/hall-day';
import type { Actor, Reply } from '../service/write-pipeline';
import { applyCatalogue, catalogueDiff } from './catalogue/catalogue-diff';
import { readCatalogue } from './catalogue/read-catalogue';
import type { HallSettings, SettingsChanged } from './hall-settings';

interface CatalogueFile {
  format: 'xlsx' | 'csv';
  content: string;
}

/**
 * The item catalogue (事项清单) from a province's spreadsheet: a preview that applies nothing (every problem by row
 * and column, what would be added, changed and kept), then the import of a sheet without problems as one version.
 * The import reads the file again: what is applied is what was sent, not what a preview remembered.
 */
export class CatalogueImport {
  constructor(
    private readonly settings: HallSettings,
    private readonly today: HallDay,
  ) {}

  async preview(file: CatalogueFile, staff: StaffConfig): Promise<CataloguePreview> {
    this.settings.mayEdit(staff);
    const hall = this.today.hall;
    const read = await readCatalogue(Buffer.from(file.content, 'base64'), file.format, hall);
    const diff = catalogueDiff(hall.serviceItems, read.items);
    return {
      baseVersion: this.settings.version,
      rows: read.rows,
      problems: read.problems,
      added: diff.added.map((i) => ({ code: i.code, name: i.name.zh })),
      changed: diff.changed.map((c) => ({ code: c.code, name: c.after.name.zh, fields: c.fields })),
      unchanged: diff.unchanged,
      absent: diff.absent,
    };
  }

  async import(
    body: CatalogueFile & { requestId: string; baseVersion: number },
    staff: StaffConfig,
    actor: Actor,
  ): Promise<Reply<SettingsChanged>> {
    this.settings.mayEdit(staff);
    const read = await readCatalogue(Buffer.from(body.content, 'base64'), body.format, this.today.hall);
    if (read.problems.length > 0) {
      const fields = read.problems.map((p) => ({
        path: p.row === 0 ? 'file' : `row ${p.row}${p.column ? ` / ${p.column}` : ''}`,
        message: p.message,
      }));
      throw new ApiError(
        'validation_failed',
        `the sheet has ${read.problems.length} problem(s); nothing was imported: ` +
          fields
            .slice(0, 5)
            .map((f) => `${f.path}: ${f.message}`)
            .join('; '),
        { fields },
      );
    }
    return this.settings.importItems(body, (current) => applyCatalogue(current, read.items), staff, actor);
  }
}
