import { z } from 'zod';
import { RatingStage } from '../domain/rating-export';
import { HallDay } from '../domain/ticket';
import { checkPeriod, period } from './reports';
import { CSV_MEDIA_TYPE, DownloadedFile, type RouteContract } from './route-contract';

export { RatingStage } from '../domain/rating-export';

/**
 * One rating as the provincial 好差评 system takes it (fields modelled on the national 政务服务"好差评" data interface):
 * the same record is a row of the export and the body of one upload. Nothing of the citizen is in it: the hall keeps
 * no name or phone with a rating. Times are ISO 8601 in UTC, as everywhere in HallQ.
 */
export const RatingExportRecord = z
  .object({
    /** The hall's id of the rating: the upload's idempotency key, so the province keeps each rating once. */
    ratingId: z.string(),
    /** The hall day the service was finished and rated on. */
    hallDay: HallDay,
    /** 评价阶段: `in_process` (办事过程中) or `after_done` (办结后), from the window's outcome (`ratingStage`). */
    stage: RatingStage,
    stageName: z.string(),
    /** 办件编号: the case number an accepted application (受理) was given; null for the others. */
    caseNumber: z.string().nullable(),
    /** 事项编码 and 事项名称 of each item the visit was served for (`ratedItems`); empty when none was chosen. */
    items: z.array(z.object({ code: z.string(), name: z.string().nullable() }).strict()),
    /** 部门: whose window served (and whose the rating is, as in the bulletin and the follow-ups). */
    departmentCode: z.string().nullable(),
    departmentName: z.string().nullable(),
    window: z.number().int().positive(),
    /** The serving clerk's staff id (工号), never a name. */
    clerk: z.string().nullable(),
    /** 申请时间: when the ticket was issued (or checked in). */
    appliedAt: z.string(),
    /** 办结时间: when the window finished the service. */
    doneAt: z.string(),
    /** 评价时间: when the citizen answered on the pad. */
    ratedAt: z.string(),
    /** 评价等级: 5 非常满意 … 1 非常不满意. */
    level: z.number().int().min(1).max(5),
    levelName: z.string(),
    /** A bad rating's reason: its code (the hall's list, or `other`), its words, and the citizen's own where typed. */
    reasonCode: z.string().nullable(),
    reasonName: z.string().nullable(),
    reasonText: z.string().nullable(),
    /** 评价渠道: the rating pad at the window (现场评价器). */
    channel: z.literal('onsite_pad'),
  })
  .strict();
export type RatingExportRecord = z.infer<typeof RatingExportRecord>;

export const RatingExportQuery = z
  .object({
    ...period,
  })
  .strict()
  .superRefine(checkPeriod);
export type RatingExportQuery = z.infer<typeof RatingExportQuery>;

/** Whose ratings an export holds: the hall's (the manager), or one department's (its chief representative). */
export const RatingExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hall') }).strict(),
  z.object({ kind: z.literal('department'), department: z.string() }).strict(),
]);
export type RatingExportScope = z.infer<typeof RatingExportScope>;

export const RatingExport = z
  .object({ from: HallDay, to: HallDay, scope: RatingExportScope, records: z.array(RatingExportRecord) })
  .strict();
export type RatingExport = z.infer<typeof RatingExport>;

/** A rating the endpoint has not accepted yet, with what went wrong the last time it was tried. */
export const FailingUpload = z
  .object({
    ratingId: z.string(),
    hallDay: HallDay,
    queuedAt: z.string(),
    attempts: z.number().int().min(1),
    lastAttemptAt: z.string(),
    /** The endpoint's status and a little of its answer, or the network error ("timed out after 10 s"). */
    lastError: z.string(),
  })
  .strict();
export type FailingUpload = z.infer<typeof FailingUpload>;

/** The upload outbox as the manager sees it: what waits, what fails and why, when the province last took one. */
export const RatingUploads = z
  .object({
    /** False when the hall file names no endpoint: the ratings wait in the outbox, exported by hand meanwhile. */
    configured: z.boolean(),
    /** Ratings not yet accepted by the endpoint. */
    pending: z.number().int().min(0),
    /** The oldest waiting rating's queueing time: how far behind the province is. */
    oldestPendingAt: z.string().nullable(),
    /** Waiting ratings that have failed at least once, oldest first (the sender keeps order, so it is stuck on the first). */
    failing: z.array(FailingUpload),
    /** When the sender tries again after a failure; null while it is not waiting to. */
    nextAttemptAt: z.string().nullable(),
    lastAcceptedAt: z.string().nullable(),
  })
  .strict();
export type RatingUploads = z.infer<typeof RatingUploads>;

export const ratingExportRoutes = {
  ratingExport: {
    method: 'GET',
    path: '/api/ratings/export',
    summary: '好差评 of a period for the provincial system: one record per rating a citizen made',
    auth: 'department_lead',
    query: RatingExportQuery,
    status: 200,
    response: RatingExport,
  },
  ratingExportCsv: {
    method: 'GET',
    path: '/api/ratings/export.csv',
    summary:
      'The same 好差评 records as a CSV file: UTF-8 with a BOM (Excel opens the Chinese), a header row in Chinese',
    auth: 'department_lead',
    query: RatingExportQuery,
    status: 200,
    produces: CSV_MEDIA_TYPE,
    response: DownloadedFile,
  },
  ratingUploads: {
    method: 'GET',
    path: '/api/ratings/uploads',
    summary:
      '好差评 upload outbox: how many ratings wait for the provincial endpoint, which fail and why, the last accepted',
    auth: 'manager',
    status: 200,
    response: RatingUploads,
  },
} as const satisfies Record<string, RouteContract>;
