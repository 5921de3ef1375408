import type {
  HallConfigInput,
  HallEvent,
  SettingsVersionInfo,
  SettingsView,
  StaffConfig,
} from '@hallq/shared/contracts';
import { HallConfig, formatPath, toPublicHall } from '@hallq/shared/contracts';
import {
  SETTINGS_SECTIONS,
  type SettingsChange,
  type SettingsProblem,
  type SettingsSection,
  chiefChangeProblems,
  settingsChanges,
  strandedWork,
} from '@hallq/shared/domain';
import { ApiError } from '../service/api-error';
import type { HallDay } from '../service/hall-day';
import type { Actor, Reply, WritePipeline } from '../service/write-pipeline';
import type { HallStore } from '../store/hall-store';
import type { SettingsSource, SettingsVersion } from '../store/settings-store';
import { deviceIds, tokensSet, withGatewayToken, withoutTokens } from './secrets';
import { dropOrphanCredentials } from './settings-start';

/** A part of the server that holds something of the settings: what a change would strand there, and taking it. */
export interface SettingsWatcher {
  check?(after: HallConfig): SettingsProblem[];
  /** Inside the change's apply (memory only; the version is written): take the new hall. */
  apply?(hall: HallConfig): void;
}

export interface SettingsChanged {
  version: number;
  changes: SettingsChange[];
}

const HISTORY_CAP = 500;

const info = (v: SettingsVersion): SettingsVersionInfo => ({
  version: v.version,
  at: v.at,
  actor: v.actor,
  source: v.source,
  changes: v.changes,
  rolledBackTo: v.rolledBackTo,
});

/** A zod failure of the whole hall as the console's field errors (`windows[2].serves[0]`). */
function invalid(error: {
  issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[];
}): ApiError {
  const fields = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
  return new ApiError('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });
}

function refused(code: 'strands_work' | 'forbidden', problems: SettingsProblem[]): ApiError {
  const fields = problems.map((p) => ({ path: formatPath(p.path), message: p.message }));
  return new ApiError(code, fields.map((f) => (f.path ? `${f.path}: ${f.message}` : f.message)).join('; '), { fields });
}

/**
 * The hall's settings as versions: every change is checked by the hall file's schema, refused when it would strand
 * the day's work, written as a new version with its journal entry, and applied at once — today's state, the
 * authenticator, the lockers — with a `hall.changed` event that every screen follows. A rollback is a new version equal
 * to an earlier one. Passwords and keys are not settings (`credentials.ts`).
 */
export class HallSettings {
  private current: SettingsVersion;
  private readonly watchers: SettingsWatcher[] = [];

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
    version: SettingsVersion,
  ) {
    this.current = version;
  }

  get version(): number {
    return this.current.version;
  }

  watch(watcher: SettingsWatcher): void {
    this.watchers.push(watcher);
  }

  /** The settings as the console edits them; a chief representative sees only where the hall lets them edit. */
  view(staff: StaffConfig): SettingsView {
    this.mayEdit(staff);
    const hall = withoutTokens(this.today.hall);
    const passwords = Object.fromEntries(this.store.settings.credentialStatus('staff'));
    const devices = deviceIds(hall);
    const deviceKeys = [...this.store.settings.deviceKeys().keys()].filter((id) => devices.has(id));
    const base = { version: this.current.version, at: this.current.at, actor: this.current.actor };
    if (staff.role === 'manager')
      return { ...base, hall, passwords, deviceKeys, tokensSet: tokensSet(this.today.hall) };
    // A chief representative edits their department's items and windows: the people of other departments and the
    // devices are not theirs to see.
    const own = hall.staff.filter((s) => s.department === staff.department);
    const ownIds = new Set(own.map((s) => s.id));
    return {
      ...base,
      hall: { ...hall, staff: own, devices: { kiosks: [], displays: [], lockers: [] } },
      passwords: Object.fromEntries(Object.entries(passwords).filter(([id]) => ownIds.has(id))),
      deviceKeys: [],
      tokensSet: { ratingUpload: false, gateway: false },
    };
  }

  /** The manager edits the hall; a chief representative their department's items and windows, where the hall allows. */
  mayEdit(staff: StaffConfig): void {
    if (staff.role !== 'manager' && !this.today.hall.policy.chiefsEditOwnDepartment)
      throw new ApiError('forbidden', 'this hall does not let chief representatives change settings');
  }

  history(limit: number): SettingsVersionInfo[] {
    return this.store.settings.history(Math.min(limit, HISTORY_CAP)).map(info);
  }

  detail(version: number): { info: SettingsVersionInfo; hall: HallConfig } {
    const found = this.store.settings.at(version);
    if (!found) throw new ApiError('not_found', `no settings version ${version}`);
    return { info: info(found.version), hall: withoutTokens(found.hall) };
  }

  /** One section replaced whole, against the version the editor saw. */
  change(
    section: SettingsSection,
    body: { requestId: string; baseVersion: number; value: unknown },
    staff: StaffConfig,
    actor: Actor,
  ): Promise<Reply<SettingsChanged>> {
    return this.commit({
      requestId: body.requestId,
      baseVersion: body.baseVersion,
      actor,
      source: 'console',
      next: (hall) =>
        ({
          ...hall,
          [section]: section === 'notices' ? withGatewayToken(body.value, hall.notices?.gateway?.token) : body.value,
        }) as HallConfigInput,
      scope: scopeOf(staff),
    });
  }

  /** The hall of an earlier version made current again, as a new version. */
  rollback(
    body: { requestId: string; baseVersion: number; toVersion: number },
    actor: Actor,
  ): Promise<Reply<SettingsChanged>> {
    const earlier = this.store.settings.at(body.toVersion)?.hall;
    if (!earlier) throw new ApiError('not_found', `no settings version ${body.toVersion}`);
    return this.commit({
      requestId: body.requestId,
      baseVersion: body.baseVersion,
      actor,
      source: 'rollback',
      rolledBackTo: body.toVersion,
      // What the console does not change (the name, the time zone, the upload) stays as the file has it now; so does
      // the gateway's token in force, like passwords and keys (a token replaced because it leaked never comes back).
      next: (hall) => {
        const sections = pickSections(earlier);
        const notices = withoutTokens(earlier).notices;
        const token = hall.notices?.gateway?.token ?? earlier.notices?.gateway?.token;
        return { ...hall, ...sections, notices: withGatewayToken(notices, token) } as HallConfigInput;
      },
    });
  }

  /** The service items replaced by an import (the catalogue), as one version. */
  importItems(
    body: { requestId: string; baseVersion: number },
    items: (current: HallConfig['serviceItems']) => HallConfig['serviceItems'],
    staff: StaffConfig,
    actor: Actor,
  ): Promise<Reply<SettingsChanged>> {
    return this.commit({
      requestId: body.requestId,
      baseVersion: body.baseVersion,
      actor,
      source: 'import',
      next: (hall) => ({ ...hall, serviceItems: items(hall.serviceItems) }),
      scope: scopeOf(staff),
    });
  }

  private commit(o: {
    requestId: string;
    baseVersion: number;
    actor: Actor;
    source: SettingsSource;
    next: (hall: HallConfig) => HallConfigInput;
    rolledBackTo?: number;
    /** A chief representative's department: the change must stay inside it. */
    scope?: string;
  }): Promise<Reply<SettingsChanged>> {
    return this.pipeline.write('settings.change', o.requestId, o.actor, (now, day) => {
      if (o.baseVersion !== this.current.version)
        throw new ApiError(
          'settings_changed',
          `the settings changed since version ${o.baseVersion} (now ${this.current.version}, by ${this.current.actor}): ` +
            'reload them and make the change again',
        );
      const before = this.today.hall;
      const parsed = HallConfig.safeParse(o.next(before));
      if (!parsed.success) throw invalid(parsed.error);
      const after = parsed.data;
      secretsRefused(after);
      if (o.scope !== undefined) {
        const outside = chiefChangeProblems(before, after, o.scope);
        if (outside.length > 0) throw refused('forbidden', outside);
      }
      const changes = settingsChanges(before, after);
      if (changes.length === 0)
        return { status: 200, body: { version: this.current.version, changes }, apply: () => [] };
      const problems = [
        ...strandedWork(before, after, this.today.dayWork()),
        ...this.watchers.flatMap((w) => w.check?.(after) ?? []),
      ];
      if (problems.length > 0) throw refused('strands_work', problems);
      const at = now.toISOString();
      const version: SettingsVersion = {
        version: this.current.version + 1,
        at,
        actor: o.actor,
        source: o.source,
        changes,
        fileDigest: null,
        rolledBackTo: o.rolledBackTo ?? null,
      };
      this.store.settings.insert(version, after);
      dropOrphanCredentials(this.store, after, at);
      this.store.journal.write({
        at,
        hallDay: day,
        type: 'settings.changed',
        actor: o.actor,
        data: {
          version: version.version,
          source: o.source,
          sections: [...new Set(changes.map((c) => c.section))],
          rolledBackTo: version.rolledBackTo,
        },
      });
      return {
        status: 200,
        body: { version: version.version, changes },
        apply: (): HallEvent[] => {
          this.current = version;
          this.today.setHall(after, version.version, now);
          for (const w of this.watchers) w.apply?.(after);
          return [{ type: 'hall.changed', hall: toPublicHall(after, version.version) }];
        },
      };
    });
  }
}

function pickSections(hall: HallConfig): Partial<HallConfig> {
  return Object.fromEntries(SETTINGS_SECTIONS.map((s) => [s, hall[s]]));
}

/** Whose entries a change may touch: the manager the whole hall, a chief representative their department's. */
const scopeOf = (staff: StaffConfig): string | undefined => (staff.role === 'manager' ? undefined : staff.department);

/** Passwords and keys are never settings: they are reset and issued on their own, shown once, kept apart. */
function secretsRefused(hall: HallConfig): void {
  const fields = [
    ...hall.staff.flatMap((s, i) =>
      s.passwordHash
        ? [{ path: `staff[${i}].passwordHash`, message: 'a password is set by resetting it, not here' }]
        : [],
    ),
    ...(['kiosks', 'displays', 'lockers'] as const).flatMap((list) =>
      hall.devices[list].flatMap((d, i) =>
        d.keyHash ? [{ path: `devices.${list}[${i}].keyHash`, message: 'a key is issued on its own, not here' }] : [],
      ),
    ),
  ];
  if (fields.length > 0)
    throw new ApiError('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });
}
