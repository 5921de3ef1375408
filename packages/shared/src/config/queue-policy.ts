import { z } from 'zod';

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
