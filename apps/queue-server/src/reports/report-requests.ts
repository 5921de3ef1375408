import type {
  AttendanceReport,
  Bulletin,
  BulletinQuery,
  DrillDownQuery,
  DrillDownReport,
  EmptyPostReport,
  HallConfig,
  PeriodQuery,
  ReportQuery,
  SummaryReport,
} from '@hallq/shared/contracts';
import type { ReportScope } from '@hallq/shared/domain';

/** Each report the worker makes: its query and its answer. */
export interface ReportKinds {
  summary: { query: ReportQuery; answer: SummaryReport };
  drillDown: { query: DrillDownQuery; answer: DrillDownReport };
  attendance: { query: PeriodQuery; answer: AttendanceReport };
  emptyPosts: { query: PeriodQuery; answer: EmptyPostReport };
  bulletin: { query: BulletinQuery; answer: Bulletin };
  /** The bulletin as the .xlsx workbook's bytes: made in the worker too, a month's sheets take a moment. */
  bulletinWorkbook: { query: BulletinQuery; answer: Uint8Array };
}
export type ReportKind = keyof ReportKinds;

/** A message to the worker: which report, for whom, at what time of the hall's clock (ISO), as the hall is now. */
export type WorkerRequest = {
  [K in ReportKind]: {
    id: number;
    kind: K;
    query: ReportKinds[K]['query'];
    hall: HallConfig;
    now: string;
    scope: ReportScope;
  };
}[ReportKind];

export type WorkerAnswer = { id: number; answer: unknown } | { id: number; error: string };
