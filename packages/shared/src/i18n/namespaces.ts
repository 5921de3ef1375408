import type { Namespace } from './create-i18n';
import { bo } from './locales/bo';
import { en } from './locales/en';
import { zh } from './locales/zh';

// Each language is its own folder under locales/ (one file per namespace), so a translator replaces one language
// without touching the others; locales/bo/README.md says how the Tibetan was written. The tests check that every
// language has every Chinese key with the same placeholders.

/** The citizen kiosk. Language names are written in their own language in every catalogue. */
export const kioskMessages = { zh: zh.kiosk, bo: bo.kiosk, en: en.kiosk } satisfies Namespace;

/** The phone page behind a ticket's QR code (apps/kiosk/src/phone). */
export const phoneMessages = { zh: zh.phone, bo: bo.phone, en: en.phone } satisfies Namespace;

/**
 * Why a ticket could not be taken, keyed by the API error code. `tile` is the short form on a home tile; `title` and
 * `advice` are the refusal screen. `{{time}}` is when it opens (a clock time today, or a date and time); the
 * `…NoTime` forms are for when the server gives no time.
 */
export const refusalMessages = { zh: zh.refusals, bo: bo.refusals, en: en.refusals } satisfies Namespace;

/** The hall display and the window screens: read from across the hall, so short. */
export const displayMessages = { zh: zh.display, bo: bo.display, en: en.display } satisfies Namespace;

/**
 * The rating pad (好差评) at a window. Rating is voluntary: nothing here may suggest that a citizen who does not
 * answer has rated the service. Language names are written in their own language in every catalogue.
 */
export const ratingMessages = { zh: zh.rating, bo: bo.rating, en: en.rating } satisfies Namespace;

/**
 * The console of those who answer for departments (管理台 for the manager, 首席代表工作台 for a chief representative):
 * its windows, bad-rating follow-ups (回访整改) and their archive (整改台账). The names of ticket and window states
 * are not here: staff screens share them from staff-labels.ts.
 */
export const consoleMessages = { zh: zh.console, bo: bo.console, en: en.console } satisfies Namespace;

/**
 * The guide desk (导办台). Its Chinese names of ticket states and guide-call reasons are the staff screens' own
 * (`staff-labels.ts`), so the desk and the counter panel never call one state by two names; Tibetan and English are
 * for a guide who reads them better, and for the number shown large to a citizen.
 */
export const guideDeskMessages = { zh: zh.guideDesk, bo: bo.guideDesk, en: en.guideDesk } satisfies Namespace;

/**
 * The console's 设置 tab: the hall's windows, window types, items, staff, devices, calendar and queue rules as the
 * manager edits them, and their history. The names of the hall's own entries come from the hall file, not from here.
 */
export const settingsMessages = { zh: zh.settings, bo: bo.settings, en: en.settings } satisfies Namespace;
