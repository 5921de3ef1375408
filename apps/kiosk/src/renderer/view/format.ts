import type { ClosedReason, ErrorCode } from '@hallq/shared/contracts';
import type { CitizenLanguage } from '@hallq/shared/i18n';
import type { TFunction } from 'i18next';

const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes) =>
  parts.find((p) => p.type === type)?.value ?? '';

function hallParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  return {
    day: `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`,
    year: Number(part(parts, 'year')),
    month: Number(part(parts, 'month')),
    date: Number(part(parts, 'day')),
    clock: `${part(parts, 'hour')}:${part(parts, 'minute')}`,
  };
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** When something opens, in the hall's time zone: "14:00" today, else with the date ("5月7日 08:30"). */
export function formatOpensAt(iso: string, timeZone: string, language: CitizenLanguage, now: number): string {
  const at = hallParts(new Date(iso).getTime(), timeZone);
  if (at.day === hallParts(now, timeZone).day) return at.clock;
  return `${dateText(at, language)} ${at.clock}`;
}

/** When a ticket was taken, in the hall's time zone, always with its date: a ticket is valid on that day only. */
export function formatTakenAt(iso: string, timeZone: string, language: CitizenLanguage): string {
  const at = hallParts(new Date(iso).getTime(), timeZone);
  switch (language) {
    case 'zh':
      return `${at.year}年${dateText(at, language)} ${at.clock}`;
    case 'bo':
      return `ལོ་ ${at.year} ${dateText(at, language)} ${at.clock}`;
    case 'en':
      return `${dateText(at, language)} ${at.year} ${at.clock}`;
  }
}

function dateText(at: { month: number; date: number }, language: CitizenLanguage): string {
  switch (language) {
    case 'zh':
      return `${at.month}月${at.date}日`;
    case 'bo':
      return `ཟླ་ ${at.month} ཚེས་ ${at.date}`;
    case 'en':
      return `${at.date} ${EN_MONTHS[at.month - 1]}`;
  }
}

export interface TimeContext {
  timeZone: string;
  language: CitizenLanguage;
  now: number;
}

/** The short "why closed" of a home tile. */
export function closedText(t: TFunction, closed: ClosedReason, ctx: TimeContext): string {
  if (closed.code === 'cap_reached') return t('refusals:cap_reached.tile');
  if (closed.opensAt === null) return t(`refusals:${closed.code}.tileNoTime`);
  return t(`refusals:${closed.code}.tile`, {
    time: formatOpensAt(closed.opensAt, ctx.timeZone, ctx.language, ctx.now),
  });
}

const EXPLAINED = [
  'closed_today',
  'not_yet_open',
  'lunch_break',
  'closed_for_day',
  'cap_reached',
  'appointment_too_early',
  'appointment_missed',
  'appointment_used',
  'priority_not_offered',
  'too_many_requests',
  'not_found',
  'per_person_cap',
  'id_card_required',
] as const satisfies readonly ErrorCode[];
type Explained = (typeof EXPLAINED)[number];
const TIMED = new Set<Explained>([
  'closed_today',
  'not_yet_open',
  'lunch_break',
  'closed_for_day',
  'appointment_too_early',
  'too_many_requests',
]);

/** A refusal of POST /api/tickets in the citizen's words: never the raw error. */
export function refusalText(
  t: TFunction,
  refusal: { code: ErrorCode; opensAt: string | null; via: 'walk_in' | 'appointment_code' | 'id_card' },
  ctx: TimeContext,
): { title: string; advice: string } {
  const code = EXPLAINED.find((c) => c === refusal.code);
  if (!code) return { title: t('kiosk:refused.unknown'), advice: t('kiosk:refused.unknownAdvice') };
  const title = t(`refusals:${code}.title`);
  if (code === 'not_found' && refusal.via === 'id_card') return { title, advice: t('refusals:not_found.adviceIdCard') };
  if (!TIMED.has(code)) return { title, advice: t(`refusals:${code}.advice`) };
  if (refusal.opensAt === null) return { title, advice: t(`refusals:${code}.adviceNoTime`) };
  const time = formatOpensAt(refusal.opensAt, ctx.timeZone, ctx.language, ctx.now);
  return { title, advice: t(`refusals:${code}.advice`, { time }) };
}
