import { randomUUID } from 'node:crypto';
import type {
  CollectRequest,
  CollectResponse,
  DepositRequest,
  DepositResponse,
  DoorReportRequest,
  DoorReportResponse,
  HallConfig,
  LockersResponse,
  OpenCommand,
  ResolveFaultRequest,
  ResolveFaultResponse,
  RetrieveRequest,
  StaffConfig,
} from '@hallq/shared/contracts';
import type { CompartmentEvent, SettingsProblem } from '@hallq/shared/domain';
import { OPEN_KEYPAD, compartmentDeadline, keypadAfterAttempt, keypadLocked } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { LockerStore } from '../store/locker-store';
import { ApiError } from './api-error';
import type { HallDay } from './hall-day';
import type { LockerNotices } from './locker-notifier';
import { LockerState } from './locker-state';
import { LockerWrites } from './locker-writes';
import { SYSTEM, type Reply, type WritePipeline } from './write-pipeline';
import { type HallLog, stderrLog } from '../log/logger';

export interface LockerServiceOptions {
  pipeline: WritePipeline;
  today: HallDay;
  hallStore: HallStore;
  store: LockerStore;
  clock: () => Date;
  /** Where door commands go once their write has committed: the locker's own connection (the socket.io layer). */
  sendCommands: (locker: string, commands: OpenCommand[]) => void;
  /** Where pickup notices are queued, and told of an item that left the locker. */
  notices: LockerNotices;
  /** Where a failed sweep is told (stderr when not under a server). */
  log?: HallLog;
}

const SWEEP_MS = 1000;

/**
 * The lockers at the edge: compartments in memory, the pure state machine run against them, every change written
 * through the hall's write pipeline (so it is idempotent by requestId, journaled in the same transaction, and its
 * staff-only events numbered on the hall stream), and door commands sent only after the commit.
 */
export class LockerService {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }
  private readonly today: HallDay;
  private readonly store: LockerStore;
  private readonly clock: () => Date;
  private readonly log: HallLog;
  private readonly state: LockerState;
  private readonly writes: LockerWrites;
  private readonly sweeps = new Map<string, Promise<unknown>>();
  private readonly timer: NodeJS.Timeout;
  private readonly stopReloading: () => void;

  constructor(options: LockerServiceOptions) {
    this.today = options.today;
    this.store = options.store;
    this.clock = options.clock;
    this.log = options.log ?? stderrLog;
    const today = options.today;
    this.state = new LockerState(this.hall, options.store);
    this.writes = new LockerWrites({
      pipeline: options.pipeline,
      hallStore: options.hallStore,
      store: options.store,
      state: this.state,
      notices: options.notices,
      // Read at each door command: a change of the policy in the console applies to the next one.
      timeouts: {
        get openSeconds() {
          return today.hall.policy.lockerOpenTimeoutSeconds;
        },
        get closeSeconds() {
          return today.hall.policy.lockerCloseTimeoutSeconds;
        },
      },
      sendCommands: options.sendCommands,
    });
    // A failed commit may have changed compartments in memory that the disk never got.
    this.stopReloading = options.pipeline.onCommitFailed(() => this.state.load());
    // Deadlines are checked against the hall clock (wall time, which can jump), so a short poll rather than a timer
    // per deadline; it also catches the deadlines that passed while the server was down.
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  /** What a change of the settings would strand here: compartments in use that the new hall no longer has. */
  settingsProblems(after: HallConfig): SettingsProblem[] {
    const lost = this.state.lostIn(after);
    return lost.length === 0
      ? []
      : [
          {
            path: ['devices', 'lockers'],
            message: `${lost.join('; ')} is in use: retrieve the item or let it be collected first`,
          },
        ];
  }

  /** A new version of the settings (from its write's apply). */
  useHall(hall: HallConfig): void {
    this.state.configure(hall);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.stopReloading();
    await Promise.allSettled([...this.sweeps.values()]);
  }

  // ---------------------------------------------------------------- reads

  lockerViews(): LockersResponse {
    return { lockers: this.state.views(this.clock()) };
  }

  /** The commands a locker has not yet reported on: sent again whenever it connects. */
  pendingCommands(locker: string): OpenCommand[] {
    return this.state.pendingCommands(locker);
  }

  // ---------------------------------------------------------------- writes

  /**
   * A clerk at a pickup window (综合出件 holds the results) or a manager (who covers for it) deposits. The same people
   * retrieve: custody of results stays with the pickup window.
   */
  deposit(lockerId: string, req: DepositRequest, staff: StaffConfig): Promise<Reply<DepositResponse>> {
    if (!this.state.locker(lockerId)) throw new ApiError('not_found', `no locker "${lockerId}"`);
    this.checkPickupStaff(staff);
    const actor = `staff:${staff.id}`;
    return this.writes.commit(lockerId, 'locker-deposit', req.requestId, actor, (now, day) => {
      const free = this.state.freeCompartment(lockerId, req.size);
      const at = now.toISOString();
      const item = {
        id: randomUUID(),
        caseNumber: req.caseNumber,
        description: req.description,
        applicantName: req.applicantName,
        registeredBy: actor,
        registeredAt: at,
        storedAt: null,
      };
      const c = this.writes.step(free, { type: 'reserve', item, commandId: randomUUID() }, now);
      this.store.insertItem({ ...item, locker: lockerId, compartment: c.number, phone: req.phone });
      this.store.saveCompartment(c);
      this.writes.journal(now, day, actor, {
        type: 'locker.deposited',
        data: {
          locker: lockerId,
          compartment: c.number,
          itemId: item.id,
          caseNumber: item.caseNumber,
          size: c.size,
        },
      });
      const command = this.state.openCommand(c);
      this.writes.journal(now, day, actor, { type: 'locker.commandIssued', data: { locker: lockerId, ...command } });
      return {
        status: 201,
        body: { compartment: this.state.view(c, now), commandId: command.commandId },
        changed: [c],
        commands: [command],
      };
    });
  }

  /** Staff open a compartment to take the item out: overdue, or recovering it from a faulty door. Logged. */
  retrieve(
    lockerId: string,
    number: string,
    req: RetrieveRequest,
    staff: StaffConfig,
  ): Promise<Reply<DepositResponse>> {
    if (!this.state.locker(lockerId)) throw new ApiError('not_found', `no locker "${lockerId}"`);
    this.checkPickupStaff(staff);
    const actor = `staff:${staff.id}`;
    return this.writes.commit(lockerId, 'locker-retrieve', req.requestId, actor, (now, day) => {
      const c = this.state.compartment(lockerId, number);
      if (!c) throw new ApiError('not_found', `no compartment "${number}" in locker "${lockerId}"`);
      const opened = this.writes.step(c, { type: 'retrieve', commandId: randomUUID() }, now);
      this.store.itemHandover(c.item!.id, req.handover);
      this.store.saveCompartment(opened);
      const command = this.state.openCommand(opened);
      this.writes.journal(now, day, actor, {
        type: 'locker.retrieved',
        data: {
          locker: lockerId,
          compartment: number,
          itemId: c.item!.id,
          caseNumber: c.item!.caseNumber,
          handover: req.handover,
          from: c.state,
        },
      });
      this.writes.journal(now, day, actor, { type: 'locker.commandIssued', data: { locker: lockerId, ...command } });
      return {
        status: 200,
        body: { compartment: this.state.view(opened, now), commandId: command.commandId },
        changed: [opened],
        commands: [command],
      };
    });
  }

  doorReport(lockerId: string, commandId: string, req: DoorReportRequest): Promise<Reply<DoorReportResponse>> {
    const actor = `locker:${lockerId}`;
    return this.writes.commit<DoorReportResponse>(lockerId, 'locker-door-report', req.requestId, actor, (now, day) => {
      const c = this.state.compartmentsOf(lockerId).find((x) => x.command?.id === commandId);
      const report = { locker: lockerId, commandId, report: req.report, detail: req.detail ?? null };
      if (!c) {
        this.writes.journal(now, day, actor, {
          type: 'locker.doorReported',
          data: { ...report, compartment: null, applied: false },
        });
        return { status: 200, body: { applied: false, compartment: null, state: null } };
      }
      const event: CompartmentEvent =
        req.report === 'opened'
          ? { type: 'door_opened', commandId }
          : req.report === 'open_failed'
            ? { type: 'door_open_failed', commandId, detail: req.detail ?? null }
            : { type: 'door_closed', commandId };
      const r = this.writes.transition(c, event, now);
      if (!r.ok) {
        this.writes.journal(now, day, actor, {
          type: 'locker.doorReported',
          data: { ...report, compartment: c.number, applied: false },
        });
        return { status: 200, body: { applied: false, compartment: c.number, state: c.state } };
      }
      this.writes.journal(now, day, actor, {
        type: 'locker.doorReported',
        data: {
          ...report,
          compartment: c.number,
          applied: true,
          state: r.compartment.state,
        },
      });
      let next = r.compartment;
      for (const effect of r.effects) {
        if (effect.type === 'issue_code') next = this.writes.issueCode(next, now, day);
        if (effect.type === 'item_collected') this.writes.itemOut(c, effect.by, actor, now, day);
        if (effect.type === 'faulted')
          this.writes.journal(now, day, actor, {
            type: 'locker.faulted',
            data: { locker: lockerId, compartment: c.number, ...effect.fault },
          });
      }
      this.store.saveCompartment(next);
      return { status: 200, body: { applied: true, compartment: c.number, state: next.state }, changed: [next] };
    });
  }

  /** Staff saw to a faulty compartment by hand; it goes back in use, and its item is recorded as handed over. */
  resolveFault(
    lockerId: string,
    number: string,
    req: ResolveFaultRequest,
    staff: StaffConfig,
  ): Promise<Reply<ResolveFaultResponse>> {
    if (!this.state.locker(lockerId)) throw new ApiError('not_found', `no locker "${lockerId}"`);
    this.checkPickupStaff(staff);
    const actor = `staff:${staff.id}`;
    return this.writes.commit(lockerId, 'locker-resolve-fault', req.requestId, actor, (now, day) => {
      const c = this.state.compartment(lockerId, number);
      if (!c) throw new ApiError('not_found', `no compartment "${number}" in locker "${lockerId}"`);
      const r = this.writes.transition(c, { type: 'resolve_fault' }, now);
      if (!r.ok) throw new ApiError('invalid_state', r.message);
      this.writes.journal(now, day, actor, {
        type: 'locker.faultResolved',
        data: {
          locker: lockerId,
          compartment: number,
          fault: c.fault,
          itemId: c.item?.id ?? null,
          handover: c.item ? req.handover : null,
        },
      });
      if (c.item) {
        this.store.itemHandover(c.item.id, req.handover);
        this.writes.itemOut(c, 'retrieve', actor, now, day);
      }
      this.store.saveCompartment(r.compartment);
      return { status: 200, body: { compartment: this.state.view(r.compartment, now) }, changed: [r.compartment] };
    });
  }

  /** The code typed or scanned at the locker. A wrong one is an answer that counts, so it commits like the rest. */
  collect(lockerId: string, req: CollectRequest): Promise<Reply<CollectResponse>> {
    const actor = `locker:${lockerId}`;
    const { lockerWrongCodeAttempts: attempts, lockerPauseSeconds, lockerMaxPauseSeconds } = this.hall.policy;
    const keypadPolicy = { attempts, pauseSeconds: lockerPauseSeconds, maxPauseSeconds: lockerMaxPauseSeconds };
    return this.writes.commit<CollectResponse>(lockerId, 'locker-collect', req.requestId, actor, (now, day) => {
      const keypad = this.state.keypad(lockerId);
      if (keypadLocked(keypad, now)) {
        this.writes.journal(now, day, actor, {
          type: 'locker.codeRefused',
          data: { locker: lockerId, lockedUntil: keypad.lockedUntil },
        });
        return { status: 200, body: { result: 'locked_out', until: keypad.lockedUntil! } };
      }
      const codeHash = this.writes.hashCode(lockerId, req.code);
      const c = this.state.compartmentsOf(lockerId).find((x) => x.state === 'occupied' && x.codeHash === codeHash);
      if (!c) {
        // An applicant back with a code that already opened its door is told so; it does not count as a guess.
        const used = this.store.usedCode(lockerId, codeHash);
        if (used) {
          this.writes.journal(now, day, actor, {
            type: 'locker.usedCodeEntered',
            data: { locker: lockerId, usedAt: used.usedAt },
          });
          const body: CollectResponse = used.collectedAt
            ? { result: 'already_collected', collectedAt: used.collectedAt }
            : { result: 'needs_staff' };
          return { status: 200, body };
        }
        const next = keypadAfterAttempt(keypad, false, now, keypadPolicy);
        this.store.saveKeypad(lockerId, next);
        this.writes.journal(now, day, actor, { type: 'locker.wrongCodeEntered', data: { locker: lockerId, ...next } });
        const body: CollectResponse = next.lockedUntil
          ? { result: 'locked_out', until: next.lockedUntil }
          : { result: 'wrong_code', attemptsLeft: Math.max(0, attempts - next.wrongInRow) };
        return { status: 200, body, keypad: next };
      }
      const opened = this.writes.step(c, { type: 'collect', codeHash, commandId: randomUUID() }, now);
      this.store.saveCompartment(opened);
      this.store.useCode(lockerId, codeHash, c.item!.id, now.toISOString());
      const reset = keypad.wrongInRow > 0 ? OPEN_KEYPAD : undefined;
      if (reset) this.store.saveKeypad(lockerId, reset);
      const command = this.state.openCommand(opened);
      this.writes.journal(now, day, actor, {
        type: 'locker.codeAccepted',
        data: {
          locker: lockerId,
          compartment: c.number,
          itemId: c.item!.id,
        },
      });
      this.writes.journal(now, day, actor, { type: 'locker.commandIssued', data: { locker: lockerId, ...command } });
      return {
        status: 200,
        body: { result: 'opening', compartment: c.number, commandId: command.commandId },
        changed: [opened],
        commands: [command],
        ...(reset && { keypad: reset }),
      };
    });
  }

  /** Marks faulty every compartment whose door command is overdue. */
  private sweep(): void {
    const now = this.clock().getTime();
    for (const c of this.state.all()) {
      const deadline = compartmentDeadline(c);
      if (deadline === null || Date.parse(deadline) > now) continue;
      // One id per command and stage: a repeat sweep is answered from the record, and a report that got in first wins.
      const requestId = `locker-timeout:${c.command!.id}:${c.state}`;
      if (this.sweeps.has(requestId)) continue;
      const done = this.writes
        .commit(c.locker, 'locker-timeout', requestId, SYSTEM, (at, day) => {
          const current = this.state.compartment(c.locker, c.number)!;
          const r = this.writes.transition(current, { type: 'timeout' }, at);
          if (!r.ok) return { status: 200, body: null };
          this.store.saveCompartment(r.compartment);
          for (const effect of r.effects) {
            if (effect.type !== 'faulted') continue;
            const data = { locker: c.locker, compartment: c.number, ...effect.fault };
            this.writes.journal(at, day, SYSTEM, { type: 'locker.faulted', data });
          }
          return { status: 200, body: null, changed: [r.compartment] };
        })
        .catch((error: unknown) => this.log.error({ err: error }, 'locker timeout sweep failed'))
        .finally(() => this.sweeps.delete(requestId));
      this.sweeps.set(requestId, done);
    }
  }

  private checkPickupStaff(staff: StaffConfig): void {
    if (staff.role === 'manager') return;
    const pickupTypes = new Set(this.hall.windowTypes.filter((t) => t.kind === 'pickup').map((t) => t.code));
    const windows = new Map(this.hall.windows.map((w) => [w.number, w]));
    const atPickup = this.today
      .windowStates()
      .some((w) => w.clerk === staff.id && windows.get(w.number)!.serves.some((t) => pickupTypes.has(t)));
    if (!atPickup)
      throw new ApiError(
        'forbidden',
        'only a clerk logged in at a pickup window (综合出件) or a manager may deposit or retrieve',
      );
  }
}
