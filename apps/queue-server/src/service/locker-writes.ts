import { createHmac, randomInt } from 'node:crypto';
import type { HallEvent, OpenCommand } from '@hallq/shared/contracts';
import type { Compartment, CompartmentEvent, Keypad, LockerTransitionResult } from '@hallq/shared/domain';
import { lockerTransition, newPickupCode, pickupQrPayload } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { JournalData, JournalType } from '../store/journal';
import type { LockerStore } from '../store/locker-store';
import { ApiError } from './api-error';
import { noticeEvents } from '../notices/notice-queue';
import type { NoticeChange } from '../store/notice-store';
import type { LockerNotices } from './locker-notifier';
import type { LockerState } from './locker-state';
import { SYSTEM, type Actor, type Reply, type WritePipeline } from './write-pipeline';

/** What one locker write changed, for memory and for the messages sent after the commit. */
export interface LockerChange<T> {
  status: number;
  body: T;
  changed?: Compartment[];
  commands?: OpenCommand[];
  keypad?: Keypad;
}

type LockerJournalType = Extract<JournalType, `locker.${string}`>;
/** A locker journal entry's name and data. */
export type LockerEntry = { [T in LockerJournalType]: { type: T; data: JournalData<T> } }[LockerJournalType];

export interface LockerWritesOptions {
  pipeline: WritePipeline;
  hallStore: HallStore;
  store: LockerStore;
  state: LockerState;
  notices: LockerNotices;
  timeouts: { openSeconds: number; closeSeconds: number };
  /** Where door commands go once their write has committed: the locker's own connection. */
  sendCommands: (locker: string, commands: OpenCommand[]) => void;
}

/**
 * How every locker write is made, whoever asks (staff, the locker, the timeout sweep): through the hall's write
 * pipeline, the compartment's state machine run inside it, journaled, and the pickup code and the item's way out
 * recorded alike whatever led to them.
 */
export class LockerWrites {
  private readonly pipeline: WritePipeline;
  private readonly hallStore: HallStore;
  private readonly store: LockerStore;
  private readonly state: LockerState;
  private readonly notices: LockerNotices;
  private readonly timeouts: { openSeconds: number; closeSeconds: number };
  private readonly sendCommands: (locker: string, commands: OpenCommand[]) => void;
  private readonly codeKey: Buffer;
  /** Set by a write's run when it erases a notice, read by `commit` once the run is over (runs are synchronous). */
  private erasing = false;
  /** The notices a write's run queued or withdrew, for its events; collected alike. */
  private noticeChanges: NoticeChange[] = [];

  constructor(options: LockerWritesOptions) {
    this.pipeline = options.pipeline;
    this.hallStore = options.hallStore;
    this.store = options.store;
    this.state = options.state;
    this.notices = options.notices;
    this.timeouts = options.timeouts;
    this.sendCommands = options.sendCommands;
    this.codeKey = options.hallStore.installationSecret('pickup_code_hmac');
  }

  /**
   * One locker write through the hall's pipeline: memory changes once its savepoint holds, and its events (for staff)
   * join the group's on the hall stream. Door commands leave after the commit; a repeated requestId gets the stored
   * answer and sends nothing again: a command still in flight goes out again when the locker reconnects. Once
   * committed, the notice queue takes what the write queued, and a write that erased a notice has the WAL emptied of
   * the pages it erased.
   */
  async commit<T>(
    lockerId: string,
    route: string,
    requestId: string,
    actor: Actor,
    run: (now: Date, day: string) => LockerChange<T>,
  ): Promise<Reply<T>> {
    let commands: OpenCommand[] = [];
    let erased = false;
    const reply = await this.pipeline.write(route, requestId, actor, (now, day) => {
      this.erasing = false;
      this.noticeChanges = [];
      const r = run(now, day);
      erased = this.erasing;
      const notices = this.noticeChanges;
      return {
        status: r.status,
        body: r.body,
        apply: () => {
          for (const c of r.changed ?? []) this.state.put(c);
          if (r.keypad) this.state.putKeypad(lockerId, r.keypad);
          commands = r.commands ?? [];
          return [...this.events(lockerId, r, now), ...noticeEvents(notices)];
        },
      };
    });
    if (commands.length > 0) this.sendCommands(lockerId, commands);
    // A repeated request finds its answer without running: nothing new for the sender, nothing erased.
    this.notices.committed(erased);
    return reply;
  }

  private events(locker: string, change: LockerChange<unknown>, now: Date): HallEvent[] {
    const events: HallEvent[] = (change.changed ?? []).map((c) => ({
      type: 'locker.compartment',
      compartment: this.state.view(c, now),
    }));
    if (change.keypad) events.push({ type: 'locker.keypad', locker, keypad: change.keypad });
    return events;
  }

  /** The compartment's state machine, with the hall's door timeouts. */
  transition(c: Compartment, event: CompartmentEvent, now: Date): LockerTransitionResult {
    return lockerTransition(c, event, now, this.timeouts);
  }

  step(c: Compartment, event: CompartmentEvent, now: Date): Compartment {
    const r = lockerTransition(c, event, now, this.timeouts);
    if (!r.ok) throw new ApiError('invalid_state', r.message);
    return r.compartment;
  }

  journal(now: Date, day: string, actor: Actor, entry: LockerEntry): void {
    this.hallStore.journal.write({ at: now.toISOString(), hallDay: day, actor, ...entry });
  }

  /** The item left the compartment (the door closed after a pickup or retrieval, or a fault was seen to). */
  itemOut(c: Compartment, via: 'pickup' | 'retrieve', actor: Actor, now: Date, day: string): void {
    const item = c.item!;
    const at = now.toISOString();
    const by = via === 'pickup' ? 'applicant' : this.store.handoverOf(item.id);
    this.store.itemCollected(item.id, at, by);
    // The item is out: its notices have served their purpose, and its phone is kept only masked (PIPL).
    this.noticeChanges.push(...this.notices.itemOut(item.id, at));
    this.store.maskItemPhone(item.id);
    this.erasing = true;
    this.journal(now, day, actor, {
      type: 'locker.collected',
      data: {
        locker: c.locker,
        compartment: c.number,
        itemId: item.id,
        caseNumber: item.caseNumber,
        by,
      },
    });
  }

  issueCode(c: Compartment, now: Date, day: string): Compartment {
    const taken = new Set(this.state.compartmentsOf(c.locker).map((x) => x.codeHash));
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
    const queued = this.notices.pickupReady({
      itemId: item.id,
      locker: c.locker,
      lockerName: this.state.locker(c.locker)!.name,
      compartment: c.number,
      phone: this.store.itemPhone(item.id),
      applicantName: item.applicantName,
      caseNumber: item.caseNumber,
      description: item.description,
      code,
      qr: pickupQrPayload(c.locker, code),
      at,
    });
    this.noticeChanges.push(...queued);
    this.journal(now, day, SYSTEM, {
      type: 'locker.stored',
      data: { locker: c.locker, compartment: c.number, itemId: item.id },
    });
    return next;
  }

  /** Keyed, and bound to the locker: six digits are too few for a plain hash (see migration 0006). */
  hashCode(locker: string, code: string): string {
    return createHmac('sha256', this.codeKey).update(`${locker}:${code}`).digest('hex');
  }
}
