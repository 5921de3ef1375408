import type {
  DepartmentConfig,
  LanguageCode,
  LocalizedText,
  ServiceItemConfig,
  WindowConfig,
  WindowTypeConfig,
} from '../config/hall-config';
import { hallDay } from './hall-time';
import { maskName } from './masking';
import type { Outcome, Ticket } from './ticket';

/**
 * The written notices (书面通知书) the hall regulations require when a window ends a service: 受理通知书, 一次性告知通知书,
 * 不予受理通知书 and the 转交 slip. A notice is built here as a document of facts and catalogue keys, in no language:
 * the page words it from `i18n/notice-text.ts` in the reader's language and lays it out on A4.
 */

/** The outcomes that put a notice in the applicant's hand; 办结 needs none. */
export const NOTICE_KINDS = ['accepted', 'incomplete', 'rejected', 'transferred'] as const satisfies readonly Exclude<
  Outcome['kind'],
  'completed'
>[];
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The rows of a notice's table, in print order; each names its label in the notice catalogue (`field.<name>`). */
export const NOTICE_FIELDS = [
  'item',
  'department',
  'applicant',
  'noticeNumber',
  'ticketNumber',
  'window',
  'clerk',
  'date',
] as const;
export type NoticeFieldName = (typeof NOTICE_FIELDS)[number];

/**
 * A value on paper: the clerk's words and numbers as they are (`text`), a hall-file text in the reader's language
 * (`localized`), a day the catalogue writes out (`date`), a member of staff (`staff`, as the rating pad names one).
 */
export type NoticeValue =
  | { type: 'text'; text: string }
  | { type: 'localized'; text: LocalizedText }
  | { type: 'date'; day: string }
  | { type: 'staff'; id: string; name: string | null };

export interface NoticeField {
  name: NoticeFieldName;
  value: NoticeValue;
}

/** What each kind says besides the table. */
export type NoticeBody =
  | { kind: 'accepted'; promisedDate: string }
  /** Every missing material, in the order the clerk gave them: the item's own in its words, others as typed. */
  | { kind: 'incomplete'; materials: NoticeValue[] }
  | { kind: 'rejected'; reason: string; referTo: string | null }
  | { kind: 'transferred'; toWindowType: NoticeValue | null; toWindow: NoticeValue | null; note: string | null };

export interface Notice {
  kind: NoticeKind;
  /** The title's key in the notice catalogue. */
  titleKey: `title.${NoticeKind}`;
  hallName: LocalizedText;
  /** Whose notice it is, named at the seal: the service item's department, else the window's; null if unknown. */
  department: LocalizedText | null;
  /** The item applied for, for the body's wording; null when the ticket named none. */
  serviceItem: LocalizedText | null;
  /** The table's rows in `NOTICE_FIELDS` order; a row without a value (no name typed, no item) is left out. */
  fields: NoticeField[];
  body: NoticeBody;
  /** The day the notice is issued, printed beside the seal. */
  date: string;
  /** For the saved copy's file name, which carries nothing personal: the ticket's day and number. */
  ticketDay: string;
  ticketNumber: string;
  /** The language the citizen took the ticket in: the page words the notice in it where the catalogue has it. */
  language: LanguageCode;
}

/** The parts of the hall (the hall file, or GET /api/hall) a notice names. */
export interface NoticeHall {
  name: LocalizedText;
  timeZone: string;
  departments: readonly Pick<DepartmentConfig, 'code' | 'name'>[];
  serviceItems: readonly Pick<ServiceItemConfig, 'code' | 'name' | 'department' | 'materials'>[];
  windowTypes: readonly Pick<WindowTypeConfig, 'code' | 'name'>[];
  windows: readonly Pick<WindowConfig, 'number' | 'name' | 'department'>[];
}

export interface NoticeContext {
  hall: NoticeHall;
  /** The window that ended the service. */
  window: number;
  /** Who ended it; the name only when the panel knows it (its own clerk). */
  clerk?: { id: string; name?: string };
  /** As the clerk typed it: only its masked form (张*) reaches the paper, and it goes nowhere else. */
  applicantName?: string;
  now: Date;
}

/** Whether an outcome needs a notice, and which. */
export function noticeKindOf(outcome: Outcome | null): NoticeKind | null {
  if (outcome === null || outcome.kind === 'completed') return null;
  return outcome.kind;
}

/**
 * The notice for a ticket's outcome, or null when the outcome needs none (办结, or no outcome yet). The number is the
 * 受理 case number the clerk gave, else `<ticket's day>-<ticket number>`, unique in the hall.
 */
export function buildNotice(ticket: Ticket, context: NoticeContext): Notice | null {
  const outcome = ticket.outcome;
  if (outcome === null || outcome.kind === 'completed') return null;
  const kind: NoticeKind = outcome.kind;
  const { hall } = context;
  const item = hall.serviceItems.find((s) => s.code === ticket.serviceItem);
  const atWindow = hall.windows.find((w) => w.number === context.window);
  const departmentCode = item?.department ?? atWindow?.department;
  const department = hall.departments.find((d) => d.code === departmentCode)?.name ?? null;
  const date = hallDay(context.now, hall.timeZone);
  const applicant = maskName(context.applicantName ?? '');
  const number =
    outcome.kind === 'accepted' && outcome.caseNumber !== undefined
      ? outcome.caseNumber
      : `${ticket.hallDay}-${ticket.number}`;

  const values: Record<NoticeFieldName, NoticeValue | null> = {
    item: item ? { type: 'localized', text: item.name } : null,
    department: department ? { type: 'localized', text: department } : null,
    applicant: applicant === '' ? null : { type: 'text', text: applicant },
    noticeNumber: { type: 'text', text: number },
    ticketNumber: { type: 'text', text: ticket.number },
    window: windowValue(hall, context.window),
    clerk: context.clerk ? { type: 'staff', id: context.clerk.id, name: context.clerk.name ?? null } : null,
    date: { type: 'date', day: date },
  };
  const fields = NOTICE_FIELDS.flatMap((name) => {
    const value = values[name];
    return value ? [{ name, value }] : [];
  });

  return {
    kind,
    titleKey: `title.${kind}`,
    hallName: hall.name,
    department,
    serviceItem: item?.name ?? null,
    fields,
    body: bodyOf(outcome, hall, item?.materials ?? []),
    date,
    ticketDay: ticket.hallDay,
    ticketNumber: ticket.number,
    language: ticket.language,
  };
}

function windowValue(hall: NoticeHall, number: number): NoticeValue {
  const found = hall.windows.find((w) => w.number === number);
  return found ? { type: 'localized', text: found.name } : { type: 'text', text: String(number) };
}

function bodyOf(
  outcome: Exclude<Outcome, { kind: 'completed' }>,
  hall: NoticeHall,
  materials: readonly LocalizedText[],
): NoticeBody {
  switch (outcome.kind) {
    case 'accepted':
      return { kind: 'accepted', promisedDate: outcome.promisedDate };
    case 'incomplete':
      // The finish form ticks the item's materials by their Chinese names: those are printed in the reader's language.
      return {
        kind: 'incomplete',
        materials: outcome.missingMaterials.map((name): NoticeValue => {
          const known = materials.find((m) => m.zh === name);
          return known ? { type: 'localized', text: known } : { type: 'text', text: name };
        }),
      };
    case 'rejected':
      return { kind: 'rejected', reason: outcome.reason, referTo: outcome.referTo ?? null };
    case 'transferred': {
      const type = hall.windowTypes.find((t) => t.code === outcome.toWindowType);
      return {
        kind: 'transferred',
        toWindowType: type
          ? { type: 'localized', text: type.name }
          : outcome.toWindowType !== undefined
            ? { type: 'text', text: outcome.toWindowType }
            : null,
        toWindow: outcome.toWindow !== undefined ? windowValue(hall, outcome.toWindow) : null,
        note: outcome.note ?? null,
      };
    }
  }
}
