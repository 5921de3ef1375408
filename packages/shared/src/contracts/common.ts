import { z } from 'zod';

/** A client-chosen id that makes a write idempotent: the same id again returns the first answer. */
export const RequestId = z
  .string()
  .min(8, 'must be at least 8 characters (use a UUID)')
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, _ . : -');
export type RequestId = z.infer<typeof RequestId>;

export const WindowNumberParam = z.object({ id: z.coerce.number().int().positive() }).strict();
export const TicketNumberParam = z
  .object({ number: z.string().regex(/^[A-Z]\d{3,}$/, 'must be a ticket number like A001') })
  .strict();
export const StatusTokenParam = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'malformed token') })
  .strict();

/**
 * A card read at the kiosk, sealed by its main process (version, IV and sealed bytes, base64url): opaque to every
 * page, opened by the server alone.
 */
export const CardProof = z
  .string()
  .max(400, 'must be a card proof as the kiosk sealed it')
  .regex(/^c1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{40,}$/, 'must be a card proof as the kiosk sealed it');

/** 18-character resident ID number (居民身份证号): 17 digits and a digit or X check character. */
export const IdNumber = z.string().regex(/^\d{17}[\dX]$/, 'must be an 18-character resident ID number');
