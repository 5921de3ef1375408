import { z } from 'zod';

/** The id of anything a hall file names and others refer to (a window type, a department, a device, a person). */
export const ConfigCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, _ or -');
