import { z } from 'zod';

export const WindowStatus = z.enum(['open', 'paused', 'closed']);
export type WindowStatus = z.infer<typeof WindowStatus>;

export const PauseReason = z.enum(['lunch', 'meeting', 'away', 'other']);
export type PauseReason = z.infer<typeof PauseReason>;

export const Post = z.enum(['A', 'B']);
export type Post = z.infer<typeof Post>;

/** The live state of one window (counter). */
export const WindowState = z
  .object({
    number: z.number().int().positive(),
    status: WindowStatus,
    pauseReason: PauseReason.nullable(),
    /** Staff id of the clerk at the window now, and which post they hold there. */
    clerk: z.string().nullable(),
    post: Post.nullable(),
    /** The ticket being called or served at this window. */
    currentTicket: z.string().nullable(),
    /** Priority tickets called in a row while normal tickets waited (for the no-starvation rule). */
    priorityStreak: z.number().int().min(0),
    since: z.string(),
    /**
     * The other post's clerk, logged in while this one served a citizen: the window passes to them when that service
     * ends, so nobody is taken away mid-service and each ticket is served and rated as the clerk who served it. Rows
     * stored before there was such a thing have none.
     */
    incoming: z.object({ clerk: z.string(), post: Post, since: z.string() }).strict().nullable().default(null),
  })
  .strict();
export type WindowState = z.infer<typeof WindowState>;
