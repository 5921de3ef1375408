import { stringify } from 'csv-stringify/sync';
import type {
  HallConfig,
  RatingExport,
  RatingExportQuery,
  RatingExportRecord,
  RatingExportScope,
  StaffConfig,
} from '@hallq/shared/contracts';
import {
  OTHER_REASON_NAME,
  RATING_LEVEL_NAMES,
  RATING_SCORES,
  RATING_STAGE_NAMES,
  answersFor,
  caseNumberOf,
  departmentOfWindow,
  ratedItems,
  ratingStage,
  reportedLevel,
} from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { ReportedRating } from '../store/rating-upload-store';

/** The CSV's columns: a header Excel shows in Chinese, and the record's value. Items are joined with "；". */
const CSV_COLUMNS: [string, (r: RatingExportRecord) => string | number | null][] = [
  ['评价编号', (r) => r.ratingId],
  ['日期', (r) => r.hallDay],
  ['评价阶段', (r) => r.stage],
  ['评价阶段名称', (r) => r.stageName],
  ['办件编号', (r) => r.caseNumber],
  ['事项编码', (r) => r.items.map((i) => i.code).join('；')],
  ['事项名称', (r) => r.items.map((i) => i.name ?? i.code).join('；')],
  ['部门编码', (r) => r.departmentCode],
  ['部门名称', (r) => r.departmentName],
  ['窗口', (r) => r.window],
  ['工号', (r) => r.clerk],
  ['申请时间', (r) => r.appliedAt],
  ['办结时间', (r) => r.doneAt],
  ['评价时间', (r) => r.ratedAt],
  ['评价等级', (r) => r.level],
  ['等级名称', (r) => r.levelName],
  ['差评原因编码', (r) => r.reasonCode],
  ['差评原因', (r) => r.reasonName],
  ['差评说明', (r) => r.reasonText],
  ['评价渠道', (r) => r.channel],
];

/**
 * A cell Excel would run as a formula (=, +, -, @ first) is led by an apostrophe: the citizen's own words reach the
 * manager's spreadsheet, and must stay words there.
 */
export const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** 好差评 as the provincial system takes it: the export of a period, and the record of one rating for the uploader. */
export class RatingExports {
  constructor(
    private readonly store: HallStore,
    /** Where the settings in force are read (today's state), so names follow a change in the console. */
    private readonly settings: { readonly hall: HallConfig },
  ) {}

  private get hall(): HallConfig {
    return this.settings.hall;
  }

  /** The period's ratings the caller answers for: the manager the hall's, a chief representative their department's. */
  export(query: Pick<RatingExportQuery, 'from' | 'to'>, staff: StaffConfig): RatingExport {
    const { from, to } = query;
    const scope: RatingExportScope =
      staff.role === 'manager' ? { kind: 'hall' } : { kind: 'department', department: staff.department };
    const records = this.store.ratingUploads
      .reportedOfDays(from, to)
      .map((r) => this.recordOf(r))
      .filter((r) => answersFor(staff, r.departmentCode ?? ''));
    return { from, to, scope, records };
  }

  /** One rating's record, or undefined when it is not one to report (unknown, open, or not rated). */
  record(ratingId: string): RatingExportRecord | undefined {
    const reported = this.store.ratingUploads.reported(ratingId);
    return reported && this.recordOf(reported);
  }

  /** The export as a file: UTF-8 with a BOM (or Excel reads the Chinese as another code page), a header row. */
  csv(exported: RatingExport): string {
    return stringify(
      exported.records.map((r) => CSV_COLUMNS.map(([, value]) => value(r))),
      {
        bom: true,
        header: true,
        columns: CSV_COLUMNS.map(([header]) => header),
        cast: { string: inert },
        record_delimiter: 'windows',
      },
    );
  }

  private recordOf({ rating, ticket }: ReportedRating): RatingExportRecord {
    const level = reportedLevel(rating.result);
    if (level === null) throw new Error(`rating ${rating.id} was not rated: it is not reported`);
    const department = departmentOfWindow(this.hall, rating.window);
    const stage = ratingStage(ticket.outcome);
    const { reason } = rating;
    return {
      ratingId: rating.id,
      hallDay: rating.hallDay,
      stage,
      stageName: RATING_STAGE_NAMES[stage],
      caseNumber: caseNumberOf(ticket.outcome),
      items: ratedItems(ticket).map((code) => ({
        code,
        name: this.hall.serviceItems.find((s) => s.code === code)?.name.zh ?? null,
      })),
      departmentCode: department,
      departmentName: this.hall.departments.find((d) => d.code === department)?.name.zh ?? null,
      window: rating.window,
      clerk: rating.clerk,
      appliedAt: ticket.issuedAt,
      // The pad is asked in the finish's own write: the request's time is the finish's.
      doneAt: rating.requestedAt,
      ratedAt: rating.recordedAt,
      level: RATING_SCORES[level],
      levelName: RATING_LEVEL_NAMES[level],
      reasonCode: reason?.code ?? null,
      reasonName:
        reason === null
          ? null
          : reason.code === 'other'
            ? OTHER_REASON_NAME
            : (this.hall.ratingReasons.find((r) => r.code === reason.code)?.name.zh ?? null),
      reasonText: reason?.text ?? null,
      channel: 'onsite_pad',
    };
  }
}
