/** pino-roll 4 ships no types: the options this server passes, from its README. */
declare module 'pino-roll' {
  import type pino from 'pino';

  export interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    /** Keeps the newest `count` files; `removeOtherLogFiles` counts those of earlier runs too. */
    limit?: { count: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    /** SonicBoom's: create the folder, and write each line before returning. */
    mkdir?: boolean;
    sync?: boolean;
  }

  /** The SonicBoom stream pino.destination makes, rolling to a new file; `cleanup-complete` once old ones are gone. */
  export default function pinoRoll(options: PinoRollOptions): Promise<ReturnType<typeof pino.destination>>;
}
