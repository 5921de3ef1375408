import { z } from 'zod';
import { checkReferences } from './hall-references';
import { RatingUploadConfig } from './rating-upload-config';
import { BackupConfig } from './backup-config';
import { ConfigCode as code } from './config-code';
import { DevicesConfig } from './devices-config';
import { NoticesConfig } from './notices-config';
import { QueuePolicy } from './queue-policy';

export { NoticesConfig };
export * from './devices-config';
export * from './queue-policy';

/** Languages a hall may show. Chinese is always present and is the fallback (DOMAIN.md, Languages). */
export const LanguageCode = z.enum(['zh', 'bo', 'mn', 'ug', 'en']);
export type LanguageCode = z.infer<typeof LanguageCode>;

/**
 * Languages whose script no screen or ticket printer of HallQ lays out yet. A hall that lists one, or writes a text in
 * it, is refused at load with the reason: a half-rendered script (Mongolian set horizontally, Uyghur left to right)
 * would be wrong on every screen, worse than Chinese.
 */
const UNLAID_SCRIPTS: Partial<Record<LanguageCode, string>> = {
  mn: 'traditional Mongolian is written in vertical lines, which the screens and the ticket printer do not lay out yet',
  ug: 'Uyghur is written right to left, which the screens and the ticket printer do not lay out yet',
};
const unlaid = (language: 'mn' | 'ug') => z.undefined({ error: `not supported: ${UNLAID_SCRIPTS[language]}` });

/** A text in the hall's languages; `zh` is required, the others fall back to it. */
export const LocalizedText = z
  .object({
    zh: z.string().min(1),
    bo: z.string().min(1).optional(),
    mn: unlaid('mn').optional(),
    ug: unlaid('ug').optional(),
    en: z.string().min(1).optional(),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** HH:MM, 24-hour; 24:00 is allowed as a closing time (open through midnight). */
const clock = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const ClockTime = z.string().regex(clock, 'must be a time of day as HH:MM (24-hour)');
export type ClockTime = z.infer<typeof ClockTime>;

export const DayHours = z
  .object({
    open: ClockTime,
    close: ClockTime,
    /** Lunch break; omitted where the hall serves through lunch (延时服务). */
    lunch: z.object({ start: ClockTime, end: ClockTime }).strict().optional(),
  })
  .strict()
  .refine((d) => d.open < d.close, { message: 'open must be before close', path: ['close'] })
  .refine((d) => !d.lunch || (d.open < d.lunch.start && d.lunch.start < d.lunch.end && d.lunch.end < d.close), {
    message: 'lunch must lie inside the opening hours',
    path: ['lunch'],
  });
export type DayHours = z.infer<typeof DayHours>;

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

/** Opening hours per weekday; `null` means closed that day. */
export const WeekHours = z
  .object({
    mon: DayHours.nullable(),
    tue: DayHours.nullable(),
    wed: DayHours.nullable(),
    thu: DayHours.nullable(),
    fri: DayHours.nullable(),
    sat: DayHours.nullable(),
    sun: DayHours.nullable(),
  })
  .strict();
export type WeekHours = z.infer<typeof WeekHours>;

const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'must be a real calendar date',
    },
  );

/**
 * The year's exceptions to the weekly hours, as the State Council announces them each year: 法定节假日 close the hall
 * and are not working days; a 调休 day (a weekend day worked in exchange) opens with the hours of the weekday it
 * stands in for and counts as a working day.
 */
export const HallCalendar = z
  .object({
    holidays: z.array(CalendarDate).default([]),
    workdays: z.array(z.object({ date: CalendarDate, as: Weekday }).strict()).default([]),
  })
  .strict();
export type HallCalendar = z.infer<typeof HallCalendar>;

/** The window-type kinds of DOMAIN.md. */
export const WindowTypeKind = z.enum([
  'comprehensive', // 综合窗口
  'sector', // 行业小综窗
  'help_and_proxy', // 帮办代办
  'cross_region', // 跨省通办 / 区内通办
  'complaint', // 办不成事反映窗口
  'consultation', // 综合咨询
  'enterprise', // 涉企服务
  'pickup', // 综合出件
]);
export type WindowTypeKind = z.infer<typeof WindowTypeKind>;

export const WindowTypeConfig = z
  .object({
    code,
    /** Ticket prefix: one capital letter, unique in the hall. */
    prefix: z.string().regex(/^[A-Z]$/, 'must be one capital letter'),
    name: LocalizedText,
    kind: WindowTypeKind,
    /** 限号: the most tickets per day; omitted for no cap. */
    dailyCap: z.number().int().positive().optional(),
    /**
     * 每人每日限取: the most tickets of this type one person takes in a day. Set, the type is taken by ID card only (at
     * a kiosk with a reader; the guide desk may still issue one by hand), each ticket recorded against the card's
     * keyed hash. Omitted: no card is asked for.
     */
    perPersonDailyCap: z.number().int().positive().max(20).optional(),
    /** Hours of this window type when they differ from the hall's. */
    hours: WeekHours.optional(),
    /** The wait the hall aims for, in minutes; longer waits raise an alert. */
    targetWaitMinutes: z.number().int().positive(),
    /** Service time assumed for estimates until the day has its own samples. */
    defaultServiceMinutes: z.number().positive(),
    /** The service time the counter panel's timer aims for; defaults to defaultServiceMinutes. */
    targetServiceMinutes: z.number().positive().optional(),
  })
  .strict();
export type WindowTypeConfig = z.infer<typeof WindowTypeConfig>;

/**
 * A department in the hall (进驻单位: 人社局, 税务局, 公安局 …). Service items, windows and staff each belong to one; the
 * hall's own office (`hallOffice`, the 政务服务中心 itself) holds the comprehensive windows (综窗), the guide desk and
 * the management office. A chief representative (首席代表) answers for their department's windows, items and ratings.
 */
export const DepartmentConfig = z
  .object({
    code,
    name: LocalizedText,
    hallOffice: z.boolean().default(false),
  })
  .strict();
export type DepartmentConfig = z.infer<typeof DepartmentConfig>;

export const GovernmentLevel = z.enum(['province', 'region', 'city', 'district', 'county', 'township']);
export type GovernmentLevel = z.infer<typeof GovernmentLevel>;

/** 即办件 is decided on the spot; 承办件 is accepted and decided within the promised working days. */
export const ServiceItemKind = z.enum(['immediate', 'promised']);
export type ServiceItemKind = z.infer<typeof ServiceItemKind>;

export const ServiceItemConfig = z
  .object({
    code,
    name: LocalizedText,
    level: GovernmentLevel,
    kind: ServiceItemKind,
    /** 承诺时限 in working days; 0 for 即办件. */
    promisedWorkingDays: z.number().int().min(0),
    /** 一次性告知: every material to bring. */
    materials: z.array(LocalizedText),
    /** Fee in yuan; 0 when free. */
    feeYuan: z.number().min(0),
    /** The legal basis (设定依据), for the 五公开. */
    legalBasis: z.string().optional(),
    windowType: code,
    /** The department that owns the item, whichever window takes it (an item of 公安局 at a comprehensive window too). */
    department: code,
  })
  .strict()
  .refine((s) => s.kind === 'promised' || s.promisedWorkingDays === 0, {
    message: 'an immediate (即办件) item has 0 promised working days',
    path: ['promisedWorkingDays'],
  });
export type ServiceItemConfig = z.infer<typeof ServiceItemConfig>;

/** strict preference: the first served type with a waiting ticket; longest wait: the oldest ticket of any served type. */
export const CallMode = z.enum(['preference', 'longest_wait']);
export type CallMode = z.infer<typeof CallMode>;

export const WindowConfig = z
  .object({
    number: z.number().int().positive(),
    name: LocalizedText,
    zone: z.string().min(1),
    floor: z.number().int(),
    /** Window-type codes this window serves, in order of preference. */
    serves: z.array(code).min(1),
    callMode: CallMode,
    /** Whose window it is: a sector window its department's, a comprehensive window the hall office's. */
    department: code,
  })
  .strict();
export type WindowConfig = z.infer<typeof WindowConfig>;

/**
 * clerk: a window (A or B post); chief_representative (首席代表): their department; floor_guide (导办): the guide desk
 * and the guide calls of their zones; manager: the whole hall.
 */
export const StaffRole = z.enum(['clerk', 'chief_representative', 'floor_guide', 'manager']);
export type StaffRole = z.infer<typeof StaffRole>;

/** `scrypt$<salt hex>$<key hex>`, made by `hashPassword` in the server. */
export const PasswordHash = z.string().regex(/^scrypt\$[0-9a-f]{16,}\$[0-9a-f]{64,}$/, 'must be scrypt$<salt>$<hash>');

export const StaffConfig = z
  .object({
    id: code,
    name: z.string().min(1),
    role: StaffRole,
    /** The department the person works for (the manager: the hall office). */
    department: code,
    /**
     * The person's password as a hall file seeds it. The server keeps passwords apart from the settings (a rollback of
     * the settings never brings an old password back); without one here the person logs in once the manager has reset
     * their password in the console.
     */
    passwordHash: PasswordHash.optional(),
    /** A person who left or is away: kept in the history and the reports, but cannot log in. */
    disabled: z.boolean().default(false),
    /** Windows where this person holds the A post (main) and the B post (stand-in). */
    aWindows: z.array(z.number().int().positive()).default([]),
    bWindows: z.array(z.number().int().positive()).default([]),
    /** A floor guide's zones (a floor's zones, say): the kiosks whose guide calls come to them. */
    zones: z.array(z.string().min(1)).default([]),
    /**
     * The person's work mobile, for the hall's reminders to them (a 差评 to call back, where `notices.followUpReminders`
     * is on); never shown to citizens nor on a device.
     */
    phone: z
      .string()
      .regex(/^1\d{10}$/, 'must be an 11-digit mobile number')
      .optional(),
  })
  .strict();
export type StaffConfig = z.infer<typeof StaffConfig>;

export const RatingReasonConfig = z
  .object({
    code: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'must be 1-40 lower-case letters, digits, _ or -'),
    name: LocalizedText,
  })
  .strict()
  .refine((r) => r.code !== 'other', { message: '"other" is built in', path: ['code'] });
export type RatingReasonConfig = z.infer<typeof RatingReasonConfig>;

const DEFAULT_RATING_REASONS: RatingReasonConfig[] = [
  { code: 'long_wait', name: { zh: '等候时间太长', bo: 'སྒུག་པའི་དུས་ཚོད་རིང་དྲགས།', en: 'Waited too long' } },
  { code: 'attitude', name: { zh: '服务态度不好', bo: 'ཞབས་ཞུའི་ཀུན་སྤྱོད་མི་ལེགས།', en: 'Unfriendly service' } },
  { code: 'not_done', name: { zh: '事情没有办成', bo: 'ལས་དོན་མ་གྲུབ།', en: 'My matter was not done' } },
  { code: 'unclear', name: { zh: '告知不清楚', bo: 'གསལ་བཤད་མི་གསལ།', en: 'Not explained clearly' } },
  { code: 'many_trips', name: { zh: '让我多跑了', bo: 'ཡང་ཡང་ཡོང་དགོས་བྱུང་།', en: 'I had to come back again' } },
];

const HallConfigObject = z
  .object({
    name: LocalizedText,
    /** IANA time zone: the hall's day, hours and numbering follow it. */
    timeZone: z.string().default('Asia/Shanghai'),
    languages: z
      .array(
        LanguageCode.superRefine((language, ctx) => {
          const why = UNLAID_SCRIPTS[language];
          if (why) ctx.addIssue({ code: 'custom', message: `${language} is not supported: ${why}` });
        }),
      )
      .min(1)
      .default(['zh']),
    /**
     * Where citizens' phones reach the ticket status page from outside the hall LAN (a reverse proxy in front of `/t/`
     * and its socket only): the printed QR code encodes `<publicStatusUrl>/t/<token>`. Unset, the QR code carries the
     * kiosk's LAN address, which a phone reaches only on the hall's Wi-Fi.
     */
    publicStatusUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://hall.example.gov.cn' })
      .refine((u) => !/[?#]/.test(u), 'must not carry a query or a fragment')
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    hours: WeekHours,
    calendar: HallCalendar.default({ holidays: [], workdays: [] }),
    departments: z.array(DepartmentConfig).min(1),
    windowTypes: z.array(WindowTypeConfig).min(1),
    serviceItems: z.array(ServiceItemConfig).default([]),
    windows: z.array(WindowConfig).min(1),
    staff: z.array(StaffConfig).default([]),
    devices: DevicesConfig.default({ kiosks: [], displays: [], lockers: [] }),
    policy: QueuePolicy.default(QueuePolicy.parse({})),
    /** Reasons a citizen may pick for a bad rating; `other` (typed by the citizen) is always offered as well. */
    ratingReasons: z.array(RatingReasonConfig).default(DEFAULT_RATING_REASONS),
    /** The provincial 好差评 system to report every rating to; absent, ratings are only exported. */
    ratingUpload: RatingUploadConfig.optional(),
    /** The nightly backup of the database; absent, backups are taken by the backup script only. */
    backup: BackupConfig.optional(),
    /** How notices reach citizens (SMS modem, gateway, or the window); absent, every notice waits for the window. */
    notices: NoticesConfig.optional(),
  })
  .strict();

/** The hall file: its sections, then the cross-references between them (`hall-references.ts`). */
export const HallConfig = HallConfigObject.superRefine((hall, ctx) =>
  checkReferences(hall, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
);
export type HallConfig = z.infer<typeof HallConfig>;
/** What a hall file may omit (defaults filled in by parsing). */
export type HallConfigInput = z.input<typeof HallConfig>;
