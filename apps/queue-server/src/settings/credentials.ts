import { randomInt, randomUUID } from 'node:crypto';
import { hashDeviceKey, newDeviceKey } from '@hallq/hall-file';
import type { StaffConfig } from '@hallq/shared/contracts';
import type { Authenticator } from '../auth/authenticator';
import { ApiError } from '../service/api-error';
import type { HallDay } from '../service/hall-day';
import type { Actor, Reply, WritePipeline } from '../service/write-pipeline';
import type { HallStore } from '../store/hall-store';
import { deviceIds } from './secrets';

/** Letters and digits that cannot be misread from a screen (no 0/O, 1/l/I). */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password to read out or write down: 10 readable characters in two groups (about 50 bits). */
function temporaryPassword(): string {
  const pick = () => READABLE[randomInt(READABLE.length)]!;
  const group = () => Array.from({ length: 5 }, pick).join('');
  return `${group()}-${group()}`;
}

/**
 * Passwords and device keys, kept apart from the settings. A new password or key is made here and shown once: the
 * write's stored answer (what a repeated request gets back) never holds it, so a repeat is told to issue a new one.
 * Every change takes effect at once (the authenticator is refreshed in the write's apply).
 */
export class Credentials {
  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
    private readonly auth: Authenticator,
  ) {}

  /** A one-time password for a person; their sessions end, and they choose their own at the next login. */
  async resetPassword(
    staffId: string,
    requestId: string,
    actor: Actor,
  ): Promise<Reply<{ staffId: string; temporaryPassword: string }>> {
    const person = this.today.hall.staff.find((s) => s.id === staffId);
    if (!person) throw new ApiError('not_found', `no staff member ${staffId} in this hall`);
    const password = temporaryPassword();
    const hash = await this.auth.hashPassword(password);
    let fresh = false;
    const reply = await this.pipeline.write('settings.resetPassword', requestId, actor, (now, day) => {
      fresh = true;
      const at = now.toISOString();
      this.store.settings.putCredential(
        'staff',
        staffId,
        { hash, mustChange: true, fileHash: this.fileHash('staff', staffId) },
        at,
      );
      this.store.revokeSessionsOf(staffId, at);
      this.store.journal.write({ at, hallDay: day, type: 'staff.passwordReset', actor, data: { staffId } });
      return { status: 200, body: { staffId }, apply: () => (this.auth.refresh(), []) };
    });
    return shownOnce(reply.status, fresh, { staffId, temporaryPassword: password }, 'password');
  }

  /** A new key for a device (its old one stops working at once). */
  async issueDeviceKey(
    deviceId: string,
    requestId: string,
    actor: Actor,
  ): Promise<Reply<{ deviceId: string; key: string }>> {
    this.knownDevice(deviceId);
    const key = newDeviceKey();
    let fresh = false;
    const reply = await this.pipeline.write('settings.issueDeviceKey', requestId, actor, (now, day) => {
      fresh = true;
      const at = now.toISOString();
      this.store.settings.putCredential(
        'device',
        deviceId,
        { hash: hashDeviceKey(key), mustChange: false, fileHash: this.fileHash('device', deviceId) },
        at,
      );
      this.store.journal.write({ at, hallDay: day, type: 'device.keyIssued', actor, data: { deviceId } });
      return { status: 200, body: { deviceId }, apply: () => (this.auth.refresh(), []) };
    });
    return shownOnce(reply.status, fresh, { deviceId, key }, 'key');
  }

  revokeDeviceKey(deviceId: string, requestId: string, actor: Actor): Promise<Reply<{ ok: true }>> {
    this.knownDevice(deviceId);
    return this.pipeline.write('settings.revokeDeviceKey', requestId, actor, (now, day) => {
      if (!this.store.settings.deviceKeys().has(deviceId))
        throw new ApiError('invalid_state', `device ${deviceId} holds no key`);
      this.store.settings.dropCredential('device', deviceId);
      this.store.journal.write({
        at: now.toISOString(),
        hallDay: day,
        type: 'device.keyRevoked',
        actor,
        data: { deviceId },
      });
      return { status: 200, body: { ok: true as const }, apply: () => (this.auth.refresh(), []) };
    });
  }

  /**
   * A person's own new password, once the current one is checked (a wrong one counts as a wrong login would: the
   * same throttle). Their other sessions end; this one goes on, no longer limited to choosing a password.
   */
  async changeOwnPassword(
    staff: StaffConfig,
    tokenHash: string,
    body: { current: string; next: string },
    address: string,
  ): Promise<Reply<{ ok: true }>> {
    await this.auth.login(staff.id, body.current, address);
    if (body.current === body.next) throw ApiError.field('next', 'must differ from the current password');
    const hash = await this.auth.hashPassword(body.next);
    return this.pipeline.write('auth.changePassword', randomUUID(), `staff:${staff.id}`, (now, day) => {
      const at = now.toISOString();
      this.store.settings.putCredential(
        'staff',
        staff.id,
        { hash, mustChange: false, fileHash: this.fileHash('staff', staff.id) },
        at,
      );
      this.store.revokeOtherSessionsOf(staff.id, tokenHash, at);
      this.store.journal.write({
        at,
        hallDay: day,
        type: 'staff.passwordChanged',
        actor: `staff:${staff.id}`,
        data: { staffId: staff.id },
      });
      return { status: 200, body: { ok: true as const }, apply: () => (this.auth.refresh(), []) };
    });
  }

  /** What the hall file said last: kept, so a later start with the same file does not undo this change. */
  private fileHash(kind: 'staff' | 'device', id: string): string | null {
    return this.store.settings.credential(kind, id)?.fileHash ?? null;
  }

  private knownDevice(deviceId: string): void {
    if (!deviceIds(this.today.hall).has(deviceId))
      throw new ApiError('not_found', `no device ${deviceId} in this hall: add it in the settings first`);
  }
}

/**
 * The secret goes to whoever made it, once: a repeated request finds the stored answer without it (the pipeline
 * stores answers, and a secret must not lie in the database in the clear) and is told to issue a new one.
 */
function shownOnce<S extends object>(status: number, fresh: boolean, secret: S, what: string): Reply<S> {
  if (!fresh) throw new ApiError('invalid_state', `this ${what} was shown once already: issue a new one`);
  return { status, body: secret };
}
