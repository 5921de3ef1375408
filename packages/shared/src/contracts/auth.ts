import { z } from 'zod';
import { StaffRole } from '../config/hall-config';
import { WindowState } from '../domain/window';
import type { RouteContract } from './route-contract';

export const LoginRequest = z
  .object({
    staffId: z.string().min(1),
    password: z.string().min(1),
    /** Log in at this window (as its A or B post); omitted for the manager's console. */
    window: z.number().int().positive().optional(),
    /**
     * The clerk is logged in at another window and moves here: that window closes first (refused while a citizen is
     * at it). Without it such a login is refused 409 at_another_window.
     */
    move: z.boolean().optional(),
    /**
     * Take the window now, with the citizen at it, where its other clerk has gone mid-service. Without it a clerk who
     * logs in while a citizen is served there waits for that service to end, and the window then passes to them.
     */
    takeOver: z.boolean().optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffInfo = z.object({ id: z.string(), name: z.string(), role: StaffRole }).strict();
export type StaffInfo = z.infer<typeof StaffInfo>;

export const LoginResponse = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    staff: StaffInfo,
    window: WindowState.nullable(),
    /** The password was one the manager set: the token serves only to choose the person's own (POST /api/auth/password). */
    mustChangePassword: z.boolean(),
  })
  .strict();
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A member of staff as the consoles list them (who to assign a follow-up to): never a password hash. */
export const StaffMember = z
  .object({
    id: z.string(),
    name: z.string(),
    role: StaffRole,
    department: z.string(),
    aWindows: z.array(z.number().int()),
    bWindows: z.array(z.number().int()),
  })
  .strict();
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffDirectoryResponse = z.object({ staff: z.array(StaffMember) }).strict();
export type StaffDirectoryResponse = z.infer<typeof StaffDirectoryResponse>;

export const LogoutResponse = z.object({ ok: z.literal(true) }).strict();

/**
 * A login lockout in force after repeated wrong passwords: a staff id (as typed, known or not, as the login answer
 * does not tell either) or a client address, refused until `until` whatever password comes.
 */
export const LoginLockout = z
  .object({
    /** A staff id (wrong passwords), an address (wrong passwords), an address (unknown device keys or tokens). */
    kind: z.enum(['staff', 'address', 'key_address']),
    /** The staff id, or the client address. */
    key: z.string(),
    until: z.string(),
    failures: z.number().int().positive(),
  })
  .strict();
export type LoginLockout = z.infer<typeof LoginLockout>;

export const LoginLockoutsResponse = z.object({ lockouts: z.array(LoginLockout) }).strict();
export type LoginLockoutsResponse = z.infer<typeof LoginLockoutsResponse>;

export const authRoutes = {
  staffDirectory: {
    method: 'GET',
    path: '/api/staff',
    summary: "The staff the caller answers for (a chief representative: their department's; the manager: everyone)",
    auth: 'department_lead',
    status: 200,
    response: StaffDirectoryResponse,
  },
  login: {
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Staff login, optionally at a window (A or B post)',
    auth: 'public',
    body: LoginRequest,
    status: 200,
    response: LoginResponse,
  },
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'End the session; a clerk at a window closes it',
    auth: 'staff',
    status: 200,
    response: LogoutResponse,
  },
  loginLockouts: {
    method: 'GET',
    path: '/api/auth/lockouts',
    summary: 'Staff ids and client addresses locked out of login now after repeated wrong passwords, and until when',
    auth: 'manager',
    status: 200,
    response: LoginLockoutsResponse,
  },
} as const satisfies Record<string, RouteContract>;
