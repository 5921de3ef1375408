import { z } from 'zod';

/**
 * The nightly backup the server takes of its database while it runs (SQLite's backup API). The installation's keys
 * are never in it: they are backed up apart from the data (README, security).
 */
export const BackupConfig = z
  .object({
    /** Where the backups go; a relative folder is taken from the folder that holds the data directory. */
    folder: z.string().min(1),
    /** How many backups are kept, the newest; each night's deletes the oldest beyond this. */
    keep: z.number().int().min(1).max(3650).default(14),
    /** When, in the hall's time zone (HH:MM, 24-hour): a quiet hour, the hall closed. */
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour)')
      .default('02:00'),
  })
  .strict();
export type BackupConfig = z.infer<typeof BackupConfig>;
