import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type {
  CollectRequest,
  CollectResponse,
  CompartmentSize,
  CompartmentView,
  DepositRequest,
  DepositResponse,
  DoorReportRequest,
  DoorReportResponse,
  LockerDeviceConfig,
  LockerEvent,
  LockersResponse,
  OpenCommand,
  OutboxEntry,
  ResolveFaultRequest,
  ResolveFaultResponse,
  RetrieveRequest,
  StaffConfig,
} from '@hallq/shared/contracts';
import type { Compartment, CompartmentEvent, Keypad } from '@hallq/shared/domain';
import { CompartmentSize as Sizes } from '@hallq/shared/contracts';
import {
  OPEN_KEYPAD,
  compartmentDeadline,
  freeCompartment,
  keypadAfterAttempt,
  keypadLocked,
  lockerTransition,
  newPickupCode,
  pickupQrPayload,
} from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { LockerStore } from '../store/locker-store';
import { ApiError } from './api-error';
import type { Actor, HallService, Reply } from './hall-service';

/** Everything a pickup notice says; `code` is the only place the code exists in the clear. */
export interface PickupNotice {
  itemId: string;
  locker: string;
  lockerName: string;
  compartment: string;
  phone: string;
  applicantName: string;
  caseNumber: string;
  description: string;
  code: string;
  qr: string;
  at: string;
}

/**
 * Sends the applicant the pickup code. It runs inside the write's transaction, so it must only record what to send
 * (an outbox); an SMS gateway sends from its own record after the commit, and a notice is never lost to a crash.
 */
export interface Notifier {
  notify(notice: PickupNotice): void;
}

/** The default notifier: the manager console shows the outbox, and the manager relays the notice. */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly store: LockerStore,
    private readonly hallName: string,
  ) {}

  notify(n: PickupNotice): void {
    const text =
      `【${this.hallName}】${n.applicantName}，您的办件（${n.description}，办件编号 ${n.caseNumber}）已存入` +
      `${n.lockerName} ${n.compartment} 号格口。取件码 ${n.code}，在取件柜输入取件码或扫描二维码取件，取件码仅可使用一次。`;
    const entry: OutboxEntry = {
      id: randomUUID(),
      itemId: n.itemId,
      locker: n.locker,
      compartment: n.compartment,
      phone: n.phone,
      text,
      qr: n.qr,
      createdAt: n.at,
      erasedAt: null,
    };
    this.store.insertNotice(entry);
  }
}

/** Where door commands and staff events go once a write has committed (the socket.io layer). */
export interface LockerChannel {
  commands(locker: string, commands: OpenCommand[]): void;
  events(events: LockerEvent[]): void;
}

export interface LockerServiceOptions {
  hall: HallService;
  hallStore: HallStore;
  store: LockerStore;
  clock: () => Date;
  channel: LockerChannel;
  notifier?: Notifier;
}

/** What one locker write changed, for memory and for the messages sent after the commit. */
interface LockerChange<T> {
  status: number;
  body: T;
  changed?: Compartment[];
  commands?: OpenCommand[];
  keypad?: Keypad;
}

interface Door {
  boardAddress: number;
  channel: number;
  size: CompartmentSize;
}

const SWEEP_MS = 1000;
const SYSTEM: Actor = 'system';
const key = (locker: string, number: string) => `${locker}/${number}`;

/**
 * The lockers at the edge: compartments in memory, the pure state machine run against them, every change written
 * through the hall's group commit (so it is idempotent by requestId and journaled in the same transaction), and door
 * commands and staff events sent only after the commit.
 */
export class LockerService {
  private readonly hall: HallService;
  private readonly hallStore: HallStore;
  private readonly store: LockerStore;
  private readonly clock: () => Date;
  private readonly channel: LockerChannel;
  private readonly notifier: Notifier;
  private readonly codeKey: Buffer;
  private readonly lockers: Map<string, LockerDeviceConfig>;
  private readonly doors = new Map<string, Door>();
  private readonly timeouts: { openSeconds: number; closeSeconds: number };
  private compartments = new Map<string, Compartment>();
  private keypads = new Map<string, Keypad>();
  private readonly sweeps = new Map<string, Promise<unknown>>();
  private readonly timer: NodeJS.Timeout;

  constructor(options: LockerServiceOptions) {
    this.hall = options.hall;
    this.hallStore = options.hallStore;
    this.store = options.store;
    this.clock = options.clock;
    this.channel = options.channel;
    this.notifier = options.notifier ?? new OutboxNotifier(options.store, options.hall.hall.name.zh);
    this.codeKey = options.hallStore.installationSecret('pickup_code_hmac');
    const { policy, devices } = options.hall.hall;
    this.timeouts = { openSeconds: policy.lockerOpenTimeoutSeconds, closeSeconds: policy.lockerCloseTimeoutSeconds };
    this.lockers = new Map(devices.lockers.map((l) => [l.id, l]));
    for (const l of devices.lockers)
      for (const cabinet of l.cabinets)
        for (const c of cabinet.compartments)
          this.doors.set(key(l.id, c.number), { boardAddress: cabinet.boardAddress, channel: c.channel, size: c.size });
    this.load();
    // Deadlines are checked against the hall clock (wall time, which can jump), so a short poll rather than a timer
    // per deadline; it also catches the deadlines that passed while the server was down.
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.sweeps.values()]);
  }

  /**
   * Memory from the database; a compartment of the hall file without a row is free. A compartment in use that the
   * hall file no longer has is refused: its item (or door command) would be silently forgotten.
   */
  private load(): void {
    const stored = new Map(this.store.compartments().map((c) => [key(c.locker, c.number), c]));
    const lost = [...stored.values()].filter((c) => c.state !== 'free' && !this.doors.has(key(c.locker, c.number)));
    if (lost.length > 0)
      throw new Error(
        `the hall file no longer has ${lost.map((c) => `compartment ${c.number} of locker "${c.locker}" (${c.state}${c.item ? `, item ${c.item.caseNumber}` : ''})`).join('; ')}: ` +
          'put it back in the hall file, or retrieve the item with the previous file first',
      );
    this.compartments = new Map();
    for (const l of this.lockers.values())
      for (const cabinet of l.cabinets)
        for (const c of cabinet.compartments) {
          const k = key(l.id, c.number);
          this.compartments.set(k, stored.get(k) ?? freeCompartment(l.id, c.number, c.size));
        }
    this.keypads = this.store.keypads();
  }

  // ---------------------------------------------------------------- reads

  lockerViews(): LockersResponse {
    const now = this.clock();
    return {
      lockers: [...this.lockers.values()].map((l) => ({
        id: l.id,
        name: l.name,
        zone: l.zone,
        keypad: this.keypads.get(l.id) ?? OPEN_KEYPAD,
        compartments: this.compartmentsOf(l.id).map((c) => this.view(c, now)),
      })),
    };
  }

  outbox(): { entries: OutboxEntry[] } {
    return { entries: this.store.outbox() };
  }

  /** The commands a locker has not yet reported on: sent again whenever it connects. */
  pendingCommands(locker: string): OpenCommand[] {
    return this.compartmentsOf(locker)
      .filter((c) => c.state === 'opening' || c.state === 'opening_for_pickup')
      .map((c) => this.openCommand(c));
  }

  private view(c: Compartment, now: Date): CompartmentView {
    const overdueMs = this.hall.hall.policy.lockerOverdueDays * 86_400_000;
    const storedAt = c.item?.storedAt;
    return {
      locker: c.locker,
      number: c.number,
      size: c.size,
      state: c.state,
      item: c.item,
      command: c.command,
      fault: c.fault,
      overdue: c.state === 'occupied' && !!storedAt && now.getTime() - Date.parse(storedAt) > overdueMs,
    };
  }

  private compartmentsOf(locker: string): Compartment[] {
    return [...this.compartments.values()].filter((c) => c.locker === locker);
  }

  private openCommand(c: Compartment): OpenCommand {
    const door = this.doors.get(key(c.locker, c.number))!;
    return {
      commandId: c.command!.id,
      compartment: c.number,
      boardAddress: door.boardAddress,
      channel: door.channel,
      purpose: c.command!.purpose,
    };
  }

  // ---------------------------------------------------------------- writes

  /**
   * A clerk at a pickup window (综合出件 holds the results) or a manager (who covers for it) deposits. The same people
   * retrieve: custody of results stays with the pickup window.
   */
  deposit(lockerId: string, req: DepositRequest, staff: StaffConfig): Promise<Reply<DepositResponse>> {
    const locker = this.lockers.get(lockerId);
    if (!locker) throw new ApiError('not_found', `no locker "${lockerId}"`);
    this.checkPickupStaff(staff);
    const actor = `staff:${staff.id}`;
    return this.commit(lockerId, 'locker-deposit', req.requestId, actor, (now, day) => {
      const free = this.freeCompartment(lockerId, req.size);
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
      const c = this.step(free, { type: 'reserve', item, commandId: randomUUID() }, now);
      this.store.insertItem({ ...item, locker: lockerId, compartment: c.number, phone: req.phone });
      this.store.saveCompartment(c);
      this.journal(now, day, 'locker.deposit', actor, {
        locker: lockerId,
        compartment: c.number,
        itemId: item.id,
        caseNumber: item.caseNumber,
        size: c.size,
      });
      const command = this.openCommand(c);
      this.journal(now, day, 'locker.command', actor, { locker: lockerId, ...command });
      return {
        status: 201,
        body: { compartment: this.view(c, now), commandId: command.commandId },
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
    if (!this.lockers.has(lockerId)) throw new ApiError('not_found', `no locker "${lockerId}"`);
    this.checkPickupStaff(staff);
    const actor = `staff:${staff.id}`;
    return this.commit(lockerId, 'locker-retrieve', req.requestId, actor, (now, day) => {
      const c = this.compartments.get(key(lockerId, number));
      if (!c) throw new ApiError('not_found', `no compartment "${number}" in locker "${lockerId}"`);
      const opened = this.step(c, { type: 'retrieve', commandId: randomUUID() }, now);
      this.store.itemHandover(c.item!.id, req.handover);
      this.store.saveCompartment(opened);
      const command = this.openCommand(opened);
      this.journal(now, day, 'locker.retrieve', actor, {
        locker: lockerId,
        compartment: number,
        itemId: c.item!.id,
        caseNumber: c.item!.caseNumber,
        handover: req.handover,
        from: c.state,
      });
      this.journal(now, day, 'locker.command', actor, { locker: lockerId, ...command });
      return {
        status: 200,
        body: { compartment: this.view(opened, now), commandId: command.commandId },
        changed: [opened],
        commands: [command],
      };
    });
  }

  doorReport(lockerId: string, commandId: string, req: DoorReportRequest): Promise<Reply<DoorReportResponse>> {
    const actor = `locker:${lockerId}`;
    return this.commit<DoorReportResponse>(lockerId, 'locker-door-report', req.requestId, actor, (now, day) => {
      const c = this.compartmentsOf(lockerId).find((x) => x.command?.id === commandId);
      const report = { locker: lockerId, commandId, report: req.report, detail: req.detail ?? null };
      if (!c) {
        this.journal(now, day, 'locker.report', actor, { ...report, compartment: null, applied: false });
        return { status: 200, body: { applied: false, compartment: null, state: null } };
      }
      const event: CompartmentEvent =
        req.report === 'opened'
          ? { type: 'door_opened', commandId }
          : req.report === 'open_failed'
            ? { type: 'door_open_failed', commandId, detail: req.detail ?? null }
            : { type: 'door_closed', commandId };
      const r = lockerTransition(c, event, now, this.timeouts);
      if (!r.ok) {
        this.journal(now, day, 'locker.report', actor, { ...report, compartment: c.number, applied: false });
        return { status: 200, body: { applied: false, compartment: c.number, state: c.state } };
      }
      this.journal(now, day, 'locker.report', actor, {
        ...report,
        compartment: c.number,
        applied: true,
        state: r.compartment.state,
      });
      let next = r.compartment;
      for (const effect of r.effects) {
        if (effect.type === 'issue_code') next = this.issueCode(next, now, day);
        if (effect.type === 'item_collected') this.itemOut(c, effect.by, actor, now, day);
        if (effect.type === 'faulted')
          this.journal(now, day, 'locker.fault', actor, { locker: lockerId, compartment: c.number, ...effect.fault });
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
    if (!this.lockers.has(lockerId)) throw new ApiError('not_found', `no locker "${lockerId}"`);
    this.checkPickupStaff(staff);
    const actor = `staff:${staff.id}`;
    return this.commit(lockerId, 'locker-resolve-fault', req.requestId, actor, (now, day) => {
      const c = this.compartments.get(key(lockerId, number));
      if (!c) throw new ApiError('not_found', `no compartment "${number}" in locker "${lockerId}"`);
      const r = lockerTransition(c, { type: 'resolve_fault' }, now, this.timeouts);
      if (!r.ok) throw new ApiError('invalid_state', r.message);
      this.journal(now, day, 'locker.fault_resolved', actor, {
        locker: lockerId,
        compartment: number,
        fault: c.fault,
        itemId: c.item?.id ?? null,
        handover: c.item ? req.handover : null,
      });
      if (c.item) {
        this.store.itemHandover(c.item.id, req.handover);
        this.itemOut(c, 'retrieve', actor, now, day);
      }
      this.store.saveCompartment(r.compartment);
      return { status: 200, body: { compartment: this.view(r.compartment, now) }, changed: [r.compartment] };
    });
  }

  /** The code typed or scanned at the locker. A wrong one is an answer that counts, so it commits like the rest. */
  collect(lockerId: string, req: CollectRequest): Promise<Reply<CollectResponse>> {
    const actor = `locker:${lockerId}`;
    const { lockerWrongCodeAttempts: attempts, lockerLockoutMinutes: lockoutMinutes } = this.hall.hall.policy;
    return this.commit<CollectResponse>(lockerId, 'locker-collect', req.requestId, actor, (now, day) => {
      const keypad = this.keypads.get(lockerId) ?? OPEN_KEYPAD;
      if (keypadLocked(keypad, now)) {
        this.journal(now, day, 'locker.code_refused', actor, { locker: lockerId, lockedUntil: keypad.lockedUntil });
        return { status: 200, body: { result: 'locked_out', until: keypad.lockedUntil! } };
      }
      const codeHash = this.hashCode(lockerId, req.code);
      const c = this.compartmentsOf(lockerId).find((x) => x.state === 'occupied' && x.codeHash === codeHash);
      if (!c) {
        // An applicant back with a code that already opened its door is told so; it does not count as a guess.
        const used = this.store.usedCode(lockerId, codeHash);
        if (used) {
          this.journal(now, day, 'locker.code_used', actor, { locker: lockerId, usedAt: used.usedAt });
          const body: CollectResponse = used.collectedAt
            ? { result: 'already_collected', collectedAt: used.collectedAt }
            : { result: 'needs_staff' };
          return { status: 200, body };
        }
        const next = keypadAfterAttempt(keypad, false, now, { attempts, lockoutMinutes });
        this.store.saveKeypad(lockerId, next);
        this.journal(now, day, 'locker.wrong_code', actor, { locker: lockerId, ...next });
        const body: CollectResponse = next.lockedUntil
          ? { result: 'locked_out', until: next.lockedUntil }
          : { result: 'wrong_code', attemptsLeft: attempts - next.wrongInRow };
        return { status: 200, body, keypad: next };
      }
      const opened = this.step(c, { type: 'collect', codeHash, commandId: randomUUID() }, now);
      this.store.saveCompartment(opened);
      this.store.useCode(lockerId, codeHash, c.item!.id, now.toISOString());
      const reset = keypad.wrongInRow > 0 ? OPEN_KEYPAD : undefined;
      if (reset) this.store.saveKeypad(lockerId, reset);
      const command = this.openCommand(opened);
      this.journal(now, day, 'locker.code_accepted', actor, {
        locker: lockerId,
        compartment: c.number,
        itemId: c.item!.id,
      });
      this.journal(now, day, 'locker.command', actor, { locker: lockerId, ...command });
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
    for (const c of this.compartments.values()) {
      const deadline = compartmentDeadline(c);
      if (deadline === null || Date.parse(deadline) > now) continue;
      // One id per command and stage: a repeat sweep is answered from the record, and a report that got in first wins.
      const requestId = `locker-timeout:${c.command!.id}:${c.state}`;
      if (this.sweeps.has(requestId)) continue;
      const k = key(c.locker, c.number);
      const done = this.commit(c.locker, 'locker-timeout', requestId, SYSTEM, (at, day) => {
        const current = this.compartments.get(k)!;
        const r = lockerTransition(current, { type: 'timeout' }, at, this.timeouts);
        if (!r.ok) return { status: 200, body: null };
        this.store.saveCompartment(r.compartment);
        this.journal(at, day, 'locker.fault', SYSTEM, {
          locker: c.locker,
          compartment: c.number,
          ...r.compartment.fault,
        });
        return { status: 200, body: null, changed: [r.compartment] };
      })
        .catch((error: unknown) => console.error('locker timeout sweep failed', error))
        .finally(() => this.sweeps.delete(requestId));
      this.sweeps.set(requestId, done);
    }
  }

  /** The item left the compartment (the door closed after a pickup or retrieval, or a fault was seen to). */
  private itemOut(c: Compartment, via: 'pickup' | 'retrieve', actor: Actor, now: Date, day: string): void {
    const item = c.item!;
    const at = now.toISOString();
    const by = via === 'pickup' ? 'applicant' : this.store.handoverOf(item.id);
    this.store.itemCollected(item.id, at, by);
    this.store.eraseNotices(item.id, at);
    this.journal(now, day, 'locker.collected', actor, {
      locker: c.locker,
      compartment: c.number,
      itemId: item.id,
      caseNumber: item.caseNumber,
      by,
    });
  }

  private issueCode(c: Compartment, now: Date, day: string): Compartment {
    const taken = new Set(this.compartmentsOf(c.locker).map((x) => x.codeHash));
    let code: string;
    let codeHash: string;
    do {
      code = newPickupCode(randomInt);
      codeHash = this.hashCode(c.locker, code);
    } while (taken.has(codeHash));
    const next = this.step(c, { type: 'code_issued', codeHash }, now);
    const item = next.item!;
    const at = now.toISOString();
    this.store.itemStored(item.id, at);
    this.notifier.notify({
      itemId: item.id,
      locker: c.locker,
      lockerName: this.lockers.get(c.locker)!.name,
      compartment: c.number,
      phone: this.store.itemPhone(item.id),
      applicantName: item.applicantName,
      caseNumber: item.caseNumber,
      description: item.description,
      code,
      qr: pickupQrPayload(c.locker, code),
      at,
    });
    this.journal(now, day, 'locker.stored', SYSTEM, { locker: c.locker, compartment: c.number, itemId: item.id });
    return next;
  }

  /** Keyed, and bound to the locker: six digits are too few for a plain hash (see migration 0006). */
  private hashCode(locker: string, code: string): string {
    return createHmac('sha256', this.codeKey).update(`${locker}:${code}`).digest('hex');
  }

  private freeCompartment(locker: string, size: CompartmentSize): Compartment {
    const fits = Sizes.options.slice(Sizes.options.indexOf(size));
    for (const s of fits) {
      const free = this.compartmentsOf(locker).find((c) => c.size === s && c.state === 'free');
      if (free) return free;
    }
    throw new ApiError('no_free_compartment', `no free compartment of size ${fits.join(', ')} in locker "${locker}"`);
  }

  private checkPickupStaff(staff: StaffConfig): void {
    if (staff.role === 'manager') return;
    const pickupTypes = new Set(this.hall.hall.windowTypes.filter((t) => t.kind === 'pickup').map((t) => t.code));
    const windows = new Map(this.hall.hall.windows.map((w) => [w.number, w]));
    const atPickup = this.hall
      .windowStates()
      .some((w) => w.clerk === staff.id && windows.get(w.number)!.serves.some((t) => pickupTypes.has(t)));
    if (!atPickup)
      throw new ApiError(
        'forbidden',
        'only a clerk logged in at a pickup window (综合出件) or a manager may deposit or retrieve',
      );
  }

  private step(c: Compartment, event: CompartmentEvent, now: Date): Compartment {
    const r = lockerTransition(c, event, now, this.timeouts);
    if (!r.ok) throw new ApiError('invalid_state', r.message);
    return r.compartment;
  }

  private journal(now: Date, day: string, type: string, actor: Actor, data: unknown): void {
    this.hallStore.journal({ at: now.toISOString(), hallDay: day, type, actor, data });
  }

  /**
   * One locker write through the hall's group commit; memory changes once its savepoint holds, and the commands
   * and events leave after the commit. A repeated requestId gets the stored answer and sends nothing again: a
   * command still in flight goes out again when the locker reconnects.
   */
  private async commit<T>(
    lockerId: string,
    route: string,
    requestId: string,
    actor: Actor,
    run: (now: Date, day: string) => LockerChange<T>,
  ): Promise<Reply<T>> {
    let change: LockerChange<T> | undefined;
    try {
      const reply = await this.hall.write(route, requestId, actor, (now, day) => {
        const r = run(now, day);
        return {
          status: r.status,
          body: r.body,
          apply: () => {
            for (const c of r.changed ?? []) this.compartments.set(key(c.locker, c.number), c);
            if (r.keypad) this.keypads.set(lockerId, r.keypad);
            change = r;
            return [];
          },
        };
      });
      if (change) this.send(lockerId, change);
      return reply;
    } catch (error) {
      // The group's commit failed: memory may have run ahead of the disk.
      if (!(error instanceof ApiError)) this.load();
      throw error;
    }
  }

  private send(locker: string, change: LockerChange<unknown>): void {
    if (change.commands?.length) this.channel.commands(locker, change.commands);
    const now = this.clock();
    const events: LockerEvent[] = (change.changed ?? []).map((c) => ({
      type: 'locker.compartment',
      compartment: this.view(c, now),
    }));
    if (change.keypad) events.push({ type: 'locker.keypad', locker, keypad: change.keypad });
    if (events.length > 0) this.channel.events(events);
  }
}
