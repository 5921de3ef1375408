import { z } from 'zod';
import { checkReferences } from './hall-references';
import { RatingUploadConfig } from './rating-upload-config';
import { BackupConfig } from './backup-config';
import { NoticesConfig } from './notices-config';

export { NoticesConfig };

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

const code = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, _ or -');

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

/**
 * Device keys are stored salted and hashed (`sha256$<salt hex>$<hash hex>`), never in the clear. A hall file may seed a
 * device's key; the console issues, rotates and revokes them, kept apart from the settings like passwords.
 */
export const KeyHash = z
  .string()
  .regex(
    /^sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/,
    'must be sha256$<salt>$<hash> of the key, as scripts/device-key.ts prints it (a plain SHA-256 has no salt)',
  );

export const KioskDeviceConfig = z
  .object({ id: code, name: z.string().min(1), zone: z.string().min(1), keyHash: KeyHash.optional() })
  .strict();
export const DisplayDeviceConfig = z
  .object({
    id: code,
    name: z.string().min(1),
    kind: z.enum(['hall', 'window', 'rating']),
    /** The window a window screen or rating pad belongs to. */
    window: z.number().int().positive().optional(),
    keyHash: KeyHash.optional(),
  })
  .strict()
  .refine((d) => d.kind === 'hall' || d.window !== undefined, {
    message: 'a window screen or rating pad names its window',
    path: ['window'],
  });
/** 自助取件柜 compartment sizes, smallest first. */
export const CompartmentSize = z.enum(['S', 'M', 'L']);
export type CompartmentSize = z.infer<typeof CompartmentSize>;

export const CompartmentConfig = z
  .object({
    /** The number on the door, unique in its locker: what staff and the applicant see. */
    number: z.string().regex(/^[A-Za-z0-9-]{1,8}$/, 'must be 1-8 letters, digits or -'),
    /** The lock-control board's channel that drives this door's lock. */
    channel: z.number().int().min(1).max(255),
    size: CompartmentSize,
  })
  .strict();
export type CompartmentConfig = z.infer<typeof CompartmentConfig>;

/** One cabinet of a locker: a lock-control board on the locker's RS-485 bus and the doors it drives. */
export const CabinetConfig = z
  .object({
    id: code,
    /** The board's address on the bus, unique in its locker. */
    boardAddress: z.number().int().min(0).max(255),
    compartments: z.array(CompartmentConfig).min(1),
  })
  .strict();
export type CabinetConfig = z.infer<typeof CabinetConfig>;

/** A locker is one kiosk PC owning one serial bus, with the cabinets chained on it. */
export const LockerDeviceConfig = z
  .object({
    id: code,
    name: z.string().min(1),
    zone: z.string().min(1),
    keyHash: KeyHash.optional(),
    cabinets: z.array(CabinetConfig).default([]),
  })
  .strict();
export type LockerDeviceConfig = z.infer<typeof LockerDeviceConfig>;

export const DevicesConfig = z
  .object({
    kiosks: z.array(KioskDeviceConfig).default([]),
    displays: z.array(DisplayDeviceConfig).default([]),
    lockers: z.array(LockerDeviceConfig).default([]),
  })
  .strict();
export type DevicesConfig = z.infer<typeof DevicesConfig>;

/** The rules of the queue; every number a hall may want to tune. */
export const QueuePolicy = z
  .object({
    /** At most this many priority tickets in a row at one window while normal tickets wait. */
    priorityBurst: z.number().int().min(1).default(2),
    /** A ticket may be marked no-show once it has been called this many times. */
    noShowAfterCalls: z.number().int().min(1).default(2),
    /** A reactivated no-show ticket goes back this many places behind the head of its queue. */
    reactivateBehind: z.number().int().min(0).default(3),
    /** How early and how late an appointment may check in, in minutes around its slot start. */
    appointmentEarlyMinutes: z.number().int().min(0).default(30),
    appointmentLateMinutes: z.number().int().min(0).default(15),
    /** An appointment may be booked for a slot at most this many hall days ahead (today counts as day 0). */
    bookingHorizonDays: z.number().int().min(0).max(366).default(60),
    /**
     * One kiosk's pace: at most this many tickets a minute, after a first burst of `kioskTicketBurst` (a family, a
     * queue at opening). A person takes a ticket in seconds, so a real kiosk never meets it; a flood from its key (a
     * type's daily cap gone in a fraction of a second) is answered 429 with when to try again.
     */
    kioskTicketsPerMinute: z.number().int().min(1).default(60),
    kioskTicketBurst: z.number().int().min(1).default(30),
    /**
     * Check-ins that find no appointment (an unknown code, an ID card with no booking today), per kiosk: a burst of
     * `checkInFailureBurst`, then `checkInFailuresPerHour` an hour; beyond that the kiosk's check-ins answer 429 with
     * when to try again. Citizens' typos never meet it; a guesser running through codes (without it, six-digit codes
     * were found in minutes) is held to one a minute a kiosk.
     */
    checkInFailuresPerHour: z.number().int().min(1).default(60),
    checkInFailureBurst: z.number().int().min(1).default(20),
    /** How many of the day's latest service times an estimate averages. */
    estimateSamples: z.number().int().min(1).default(10),
    /**
     * Where the kiosk's priority button (老年人 / 残疾人 / 孕妇 / 军人 优先) leads: `help_and_proxy` issues a priority
     * ticket for the hall's 帮办代办 window type; `priority_ticket` lets the citizen choose any window type and marks
     * the ticket priority there.
     */
    priorityPath: z.enum(['help_and_proxy', 'priority_ticket']).default('help_and_proxy'),
    /**
     * Whether clerks may do the guide desk's work too (reactivate a no-show, look up any ticket): for a hall whose
     * guide desk is not staffed. Otherwise only floor guides and the manager may.
     */
    clerksAtGuideDesk: z.boolean().default(false),
    /** How long the rating pad waits for an answer before the service is recorded as not rated. */
    ratingTimeoutSeconds: z.number().int().min(10).default(60),
    /** A bad rating's follow-up must be closed within this many working days (5 to 15 are common). */
    followUpWorkingDays: z.number().int().min(1).default(5),
    /** Window screens and rating pads show the clerk's staff number; true shows the name as well. */
    showClerkNames: z.boolean().default(false),
    /** Whether a chief representative may change their own department's service items and windows in the console. */
    chiefsEditOwnDepartment: z.boolean().default(false),
    /** Staff tokens expire after this many minutes. */
    staffTokenTtlMinutes: z.number().int().min(1).default(720),
    /** A locker item not collected after this many days shows as overdue on the console. */
    lockerOverdueDays: z.number().int().min(1).default(7),
    /** This many wrong pickup codes in a row are free; after them the keypad pauses before each next code … */
    lockerWrongCodeAttempts: z.number().int().min(1).default(5),
    /** … first for this many seconds, twice as long after each further wrong code … */
    lockerPauseSeconds: z.number().int().min(1).default(30),
    /**
     * … but never longer than this: a guesser is slowed to one code per pause, while the next applicant, whose right
     * code ends the pauses, waits at most this long (a lockout of many minutes would turn them away).
     */
    lockerMaxPauseSeconds: z.number().int().min(1).default(120),
    /** A door the locker has not reported open by then is faulty (the board did not answer or the lock jammed). */
    lockerOpenTimeoutSeconds: z.number().int().min(1).default(15),
    /** An open door not reported closed by then is faulty: nobody can tell what is inside. */
    lockerCloseTimeoutSeconds: z.number().int().min(10).default(180),
  })
  .strict();
export type QueuePolicy = z.infer<typeof QueuePolicy>;

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
