import { randomBytes } from 'node:crypto';
import type { HallConfig, LoginLockout, StaffConfig } from '@hallq/shared/contracts';
import { ApiError } from '../service/api-error';
import type { HallStore } from '../store/hall-store';
import { HashGate, LoginThrottle, type Lockout, type ThrottlePolicy } from './login-throttle';
import { DeviceKeys, type DevicePrincipal } from './device-keys';
import { LowPriorityHasher } from './hash-process';
import { hashPasswordAsync, sha256Hex, verifyPasswordAsync } from './password';
import { type HallLog, stderrLog } from '../log/logger';

/**
 * Login limits. Only wrong passwords count, so clerks who log in many times a day (or tests and benches that do) are
 * never slowed. A clerk who mistypes a few times logs in as before; a guesser gets 10 tries per staff id, then one per
 * 15 minutes; one address spraying many ids is slowed after 20 wrong passwords and locked out at 50.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  lockoutAfter: 10,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  successResets: true,
  countsInFlight: true,
  maxKeys: 10_000,
};

export const ADDRESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 20,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  lockoutAfter: 50,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  successResets: false,
  countsInFlight: false,
  maxKeys: 10_000,
};

/**
 * Password hashes at once, and queued behind them. They run in a low-priority process (hash-process.ts); two at once is
 * ~50 logins a second at ~40 ms a hash on an idle server, and a queue of 64 takes a whole hall's clerks logging in at
 * opening time. A login beyond the queue is refused at once (429).
 */
export const HASHES_RUNNING = 2;
export const HASHES_WAITING = 64;

/**
 * Bearers that are neither a device key nor any staff token ever issued, per client address: guesses (a device key
 * guessed would let anyone pose as a kiosk or a rating pad). A device whose key was changed, or a page with a stale
 * token, costs nothing: an expired or revoked token was issued and is not counted. Beyond the free ones each next
 * bearer from the address waits, and at 50 the address is locked out for 15 minutes; while it is held every bearer from
 * it is refused, the right one too, so the answer tells a guesser nothing.
 */
export const KEY_GUESS_THROTTLE: ThrottlePolicy = {
  freeFailures: 10,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  lockoutAfter: 50,
  lockoutMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  successResets: false,
  countsInFlight: false,
  maxKeys: 10_000,
};

export type { DeviceKind } from './device-keys';

export type Principal =
  | {
      kind: 'staff';
      staff: StaffConfig;
      tokenHash: string;
      /** The password was one the manager set: the session serves only to choose the person's own. */
      mustChangePassword: boolean;
      /** The window this session was opened at (null for the consoles): its logout closes that window alone. */
      window: number | null;
    }
  | DevicePrincipal;

/** Journal name of whoever acts. */
export function actorOf(p: Principal): string {
  return p.kind === 'staff' ? `staff:${p.staff.id}` : `${p.device}:${p.id}`;
}

/**
 * Staff tokens (random, stored as SHA-256 with an expiry, so they survive a restart) and device keys (salted SHA-256 in
 * the credentials). Both travel as `Authorization: Bearer …`. Who may log in and which keys work follow the settings
 * and the credentials at once (`refresh`): a disabled person or a revoked key is refused at the next request.
 */
export class Authenticator {
  private staffById = new Map<string, StaffConfig>();
  private mustChange = new Set<string>();
  private devices!: DeviceKeys;
  private readonly accounts: LoginThrottle;
  private readonly addresses: LoginThrottle;
  private readonly keyGuesses: LoginThrottle;
  private readonly hashing = new HashGate(HASHES_RUNNING, HASHES_WAITING);
  private readonly refreshListeners = new Set<() => void>();

  constructor(
    /** The settings in force (today's state). */
    private readonly settings: { readonly hall: HallConfig },
    private readonly store: HallStore,
    private readonly clock: () => Date,
    /** Password hashing: at the lowest priority unless told otherwise (see LowPriorityHasher). */
    private readonly hasher: LowPriorityHasher = new LowPriorityHasher(),
    /** Where lockouts are logged. */
    private readonly log: HallLog = stderrLog,
  ) {
    const nowMs = () => this.clock().getTime();
    this.accounts = new LoginThrottle(ACCOUNT_THROTTLE, nowMs);
    this.addresses = new LoginThrottle(ADDRESS_THROTTLE, nowMs);
    this.keyGuesses = new LoginThrottle(KEY_GUESS_THROTTLE, nowMs);
    this.refresh();
  }

  /** Takes the settings and credentials as they stand now (after a change of either). */
  refresh(): void {
    const { hall } = this.settings;
    this.staffById = new Map(hall.staff.filter((s) => !s.disabled).map((s) => [s.id, s]));
    this.devices = new DeviceKeys(hall, this.store.settings.deviceKeys());
    const passwords = this.store.settings.credentialStatus('staff');
    this.mustChange = new Set([...passwords].filter(([, c]) => c.mustChange).map(([id]) => id));
    for (const listener of this.refreshListeners) listener();
  }

  /** Whether a password is right, without a login: hashed off the event loop like a login's. */
  async checkPassword(hash: string, password: string): Promise<boolean> {
    return verifyPasswordAsync(password, hash, (...args) => this.hasher.derive(...args));
  }

  /** A new password's hash, made off the event loop at the hashing process's priority. */
  hashPassword(password: string): Promise<string> {
    return hashPasswordAsync(password, (...args) => this.hasher.derive(...args));
  }

  /**
   * Checks a login's password, off the event loop. Refused before any hashing (429, with the wait) when the staff id or
   * the client address has failed too often, or when too many logins are being checked already. The same answer, and
   * one scrypt, for an unknown id and a wrong password.
   */
  async login(
    staffId: string,
    password: string,
    address: string,
  ): Promise<{ staff: StaffConfig; mustChangePassword: boolean }> {
    const account = accountKey(staffId);
    const byAccount = this.accounts.admit(account);
    if (!byAccount.ok) throw ApiError.tooMany(refusal('for this staff id', byAccount.locked), byAccount.retryAfterMs);
    const byAddress = this.addresses.admit(address);
    if (!byAddress.ok) {
      this.accounts.abandoned(account);
      throw ApiError.tooMany(refusal('from this address', byAddress.locked), byAddress.retryAfterMs);
    }
    const abandon = () => {
      this.accounts.abandoned(account);
      this.addresses.abandoned(address);
    };
    const staff = this.staffById.get(staffId);
    const hash = staff && this.store.settings.credential('staff', staff.id)?.hash;
    // Hash even for an unknown id (or a person without a password yet) so the answer takes as long either way.
    const checking = this.hashing.run(() =>
      verifyPasswordAsync(password, hash ?? DUMMY_HASH, (...args) => this.hasher.derive(...args)),
    );
    if (!checking) {
      abandon();
      throw ApiError.tooMany('too many logins are being checked now; try again in a moment', 1000);
    }
    let ok: boolean;
    try {
      ok = (await checking) && hash !== undefined;
    } catch (error) {
      abandon();
      throw error;
    }
    if (!ok) {
      const lockedAccount = this.accounts.failed(account);
      const lockedAddress = this.addresses.failed(address);
      // The staff id only: never the password, and the address stays in the manager's list (GET /api/auth/lockouts).
      if (lockedAccount) this.log.warn(lockoutLine(`staff id ${JSON.stringify(account)}`, lockedAccount));
      if (lockedAddress) this.log.warn(lockoutLine('a client address', lockedAddress));
      throw new ApiError('unauthorized', 'wrong staff id or password');
    }
    this.accounts.succeeded(account);
    this.addresses.succeeded(address);
    return { staff: staff!, mustChangePassword: this.mustChange.has(staff!.id) };
  }

  /** The lockouts in force: staff ids, addresses (logins), addresses (unknown keys), each ending soonest first. */
  lockouts(): LoginLockout[] {
    const view = (kind: LoginLockout['kind']) => (l: Lockout) => ({
      kind,
      key: l.key,
      until: new Date(l.until).toISOString(),
      failures: l.failures,
    });
    return [
      ...this.accounts.lockouts().map(view('staff')),
      ...this.addresses.lockouts().map(view('address')),
      ...this.keyGuesses.lockouts().map(view('key_address')),
    ];
  }

  issueToken(staff: StaffConfig, window: number | null): { token: string; expiresAt: string } {
    const now = this.clock();
    const token = randomBytes(32).toString('base64url');
    const ttlMs = this.settings.hall.policy.staffTokenTtlMinutes * 60_000;
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    this.store.transaction(() => {
      // Every session past its time ends now, used since or not, so a clock set back cannot revive one.
      this.store.revokeExpiredSessions(now.toISOString());
      this.store.insertSession(sha256Hex(token), staff.id, window, now.toISOString(), expiresAt);
    });
    return { token, expiresAt };
  }

  /**
   * The principal behind a bearer token, or null when there is none or it is not valid (expired, revoked, unknown).
   * Refused (429) while `address` is held for presenting unknown keys.
   */
  authenticate(token: string | undefined, address: string): Principal | null {
    if (!token) return null;
    const held = this.keyGuesses.check(address);
    if (!held.ok)
      throw ApiError.tooMany(
        held.locked
          ? 'too many unknown keys from this address: it is locked out for now; try again later'
          : 'too many unknown keys from this address: wait before trying again',
        held.retryAfterMs,
      );
    const found = this.resolve(token);
    if (found === 'unknown') {
      const lockout = this.keyGuesses.failed(address);
      if (lockout) this.log.warn(lockoutLine('a client address', lockout, 'unknown keys'));
      return null;
    }
    return found;
  }

  /**
   * Whether a bearer that was good when its connection opened still is (after a change of the settings or the
   * credentials): a revoked key, a disabled person, a reset password end their open connections too. Not a guess.
   */
  stillValid(token: string): boolean {
    const found = this.resolve(token);
    return found !== null && found !== 'unknown';
  }

  /** Called after each refresh: open connections are checked again (`stillValid`). */
  onRefresh(listener: () => void): void {
    this.refreshListeners.add(listener);
  }

  /** The principal behind a bearer; null for a token issued but no longer valid; 'unknown' for one never issued. */
  private resolve(token: string): Principal | null | 'unknown' {
    const hash = sha256Hex(token);
    const device = this.devices.find(token, hash);
    if (device) return device;
    const session = this.store.findSession(hash);
    if (!session) return 'unknown';
    if (session.revokedAt !== null) return null;
    const now = this.clock();
    if (Date.parse(session.expiresAt) <= now.getTime()) {
      // Expired once is expired for good: a clock set back later (it had jumped ahead) must not revive it.
      this.store.transaction(() => this.store.revokeSession(hash, now.toISOString()));
      return null;
    }
    const staff = this.staffById.get(session.staffId);
    return staff
      ? {
          kind: 'staff',
          staff,
          tokenHash: hash,
          window: session.window,
          mustChangePassword: this.mustChange.has(staff.id),
        }
      : null;
  }

  /** Ends the password hashing process. */
  close(): void {
    this.hasher.stop();
  }

  revoke(p: Extract<Principal, { kind: 'staff' }>): void {
    this.store.transaction(() => this.store.revokeSession(p.tokenHash, this.clock().toISOString()));
  }
}

const DUMMY_HASH = `scrypt$${'0'.repeat(32)}$${'0'.repeat(64)}`;

/** A staff id as the throttle keys it: as typed, but a very long one (any string passes the schema) by its hash. */
function accountKey(staffId: string): string {
  return staffId.length <= 64 ? staffId : `${staffId.slice(0, 32)}…${sha256Hex(staffId).slice(0, 16)}`;
}

function refusal(who: string, locked: boolean): string {
  return locked
    ? `too many wrong passwords ${who}: login is locked for now; try again later`
    : `too many wrong passwords ${who}: wait before trying again`;
}

function lockoutLine(who: string, lockout: Lockout, what = 'wrong passwords'): string {
  return `login: ${who} locked out until ${new Date(lockout.until).toISOString()} after ${lockout.failures} ${what}`;
}
