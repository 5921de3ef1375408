import { randomBytes } from 'node:crypto';
import type { HallConfig, StaffConfig } from '@hallq/shared/contracts';
import { ApiError } from '../service/api-error';
import type { HallStore } from '../store/hall-store';
import { sha256Hex, verifyPassword } from './password';

export type DeviceKind = 'kiosk' | 'display' | 'locker';

export type Principal =
  | { kind: 'staff'; staff: StaffConfig; tokenHash: string }
  | {
      kind: 'device';
      device: DeviceKind;
      id: string;
      window: number | null;
      /** What a display shows: the hall screen, a window screen, or the window's rating pad; null for other devices. */
      screen: 'hall' | 'window' | 'rating' | null;
    };

/** Journal name of whoever acts. */
export function actorOf(p: Principal): string {
  return p.kind === 'staff' ? `staff:${p.staff.id}` : `${p.device}:${p.id}`;
}

/**
 * Staff tokens (random, stored as SHA-256 with an expiry, so they survive a restart) and device keys (SHA-256 in the
 * hall config). Both travel as `Authorization: Bearer …`.
 */
export class Authenticator {
  private readonly staffById: Map<string, StaffConfig>;
  private readonly devices = new Map<string, Extract<Principal, { kind: 'device' }>>();
  private readonly ttlMs: number;

  constructor(
    hall: HallConfig,
    private readonly store: HallStore,
    private readonly clock: () => Date,
  ) {
    this.staffById = new Map(hall.staff.map((s) => [s.id, s]));
    const { kiosks, displays, lockers } = hall.devices;
    const device = (device: DeviceKind, id: string) => ({
      kind: 'device' as const,
      device,
      id,
      window: null,
      screen: null,
    });
    for (const d of kiosks) this.devices.set(d.keyHash, device('kiosk', d.id));
    for (const d of displays)
      this.devices.set(d.keyHash, { ...device('display', d.id), window: d.window ?? null, screen: d.kind });
    for (const d of lockers) this.devices.set(d.keyHash, device('locker', d.id));
    this.ttlMs = hall.policy.staffTokenTtlMinutes * 60_000;
  }

  /** Checks the password; the same answer for an unknown id and a wrong password. */
  verify(staffId: string, password: string): StaffConfig {
    const staff = this.staffById.get(staffId);
    // Hash even for an unknown id so the answer takes as long either way.
    const ok = verifyPassword(password, staff?.passwordHash ?? DUMMY_HASH) && staff !== undefined;
    if (!ok) throw new ApiError('unauthorized', 'wrong staff id or password');
    return staff;
  }

  issueToken(staff: StaffConfig, window: number | null): { token: string; expiresAt: string } {
    const now = this.clock();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ttlMs).toISOString();
    this.store.transaction(() =>
      this.store.insertSession(sha256Hex(token), staff.id, window, now.toISOString(), expiresAt),
    );
    return { token, expiresAt };
  }

  /** The principal behind a bearer token, or null when there is none or it is not valid (expired, revoked, unknown). */
  authenticate(token: string | undefined): Principal | null {
    if (!token) return null;
    const hash = sha256Hex(token);
    const device = this.devices.get(hash);
    if (device) return device;
    const session = this.store.findSession(hash);
    if (!session || session.revokedAt !== null) return null;
    if (Date.parse(session.expiresAt) <= this.clock().getTime()) return null;
    const staff = this.staffById.get(session.staffId);
    return staff ? { kind: 'staff', staff, tokenHash: hash } : null;
  }

  revoke(p: Extract<Principal, { kind: 'staff' }>): void {
    this.store.transaction(() => this.store.revokeSession(p.tokenHash, this.clock().toISOString()));
  }
}

const DUMMY_HASH = `scrypt$${'0'.repeat(32)}$${'0'.repeat(64)}`;
