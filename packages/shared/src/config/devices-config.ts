import { z } from 'zod';
import { ConfigCode as code } from './config-code';

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
