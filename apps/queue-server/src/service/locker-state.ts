import type {
  CompartmentSize,
  CompartmentView,
  HallConfig,
  LockerDeviceConfig,
  LockerView,
  OpenCommand,
} from '@hallq/shared/contracts';
import { CompartmentSize as Sizes } from '@hallq/shared/contracts';
import type { Compartment, Keypad } from '@hallq/shared/domain';
import { OPEN_KEYPAD, freeCompartment } from '@hallq/shared/domain';
import type { LockerStore } from '../store/locker-store';
import { ApiError } from './api-error';

interface Door {
  boardAddress: number;
  channel: number;
  size: CompartmentSize;
}

const key = (locker: string, number: string) => `${locker}/${number}`;

/** Where each door of the hall's lockers is wired. */
function doorsOf(hall: HallConfig): Map<string, Door> {
  const doors = new Map<string, Door>();
  for (const l of hall.devices.lockers)
    for (const cabinet of l.cabinets)
      for (const c of cabinet.compartments)
        doors.set(key(l.id, c.number), { boardAddress: cabinet.boardAddress, channel: c.channel, size: c.size });
  return doors;
}

/**
 * The lockers in memory: every compartment of the hall file with its stored state, each locker's keypad, and where
 * each door is wired (board and channel). Changed only from a locker write's `apply`; reloaded after a failed commit.
 */
export class LockerState {
  private lockers = new Map<string, LockerDeviceConfig>();
  private doors = new Map<string, Door>();
  private overdueMs = 0;
  private compartments = new Map<string, Compartment>();
  private keypads = new Map<string, Keypad>();

  constructor(
    hall: HallConfig,
    private readonly store: LockerStore,
  ) {
    this.configure(hall);
  }

  /**
   * Takes the lockers of a hall (at start, or a new version of the settings) and reloads the compartments. A change
   * that would lose a compartment in use was refused before it was made (`lostIn`).
   */
  configure(hall: HallConfig): void {
    this.lockers = new Map(hall.devices.lockers.map((l) => [l.id, l]));
    this.overdueMs = hall.policy.lockerOverdueDays * 86_400_000;
    this.doors = doorsOf(hall);
    this.load();
  }

  /**
   * The compartments in use (an item inside, a door command out) that `hall` no longer has, in words: their item or
   * command would be silently forgotten.
   */
  lostIn(hall: HallConfig): string[] {
    const doors = doorsOf(hall);
    return this.store
      .compartments()
      .filter((c) => c.state !== 'free' && !doors.has(key(c.locker, c.number)))
      .map(
        (c) =>
          `compartment ${c.number} of locker "${c.locker}" (${c.state}${c.item ? `, item ${c.item.caseNumber}` : ''})`,
      );
  }

  /** Memory from the database; a compartment of the hall without a row is free. */
  load(): void {
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

  put(c: Compartment): void {
    this.compartments.set(key(c.locker, c.number), c);
  }

  putKeypad(locker: string, keypad: Keypad): void {
    this.keypads.set(locker, keypad);
  }

  locker(id: string): LockerDeviceConfig | undefined {
    return this.lockers.get(id);
  }

  compartment(locker: string, number: string): Compartment | undefined {
    return this.compartments.get(key(locker, number));
  }

  all(): Compartment[] {
    return [...this.compartments.values()];
  }

  compartmentsOf(locker: string): Compartment[] {
    return this.all().filter((c) => c.locker === locker);
  }

  keypad(locker: string): Keypad {
    return this.keypads.get(locker) ?? OPEN_KEYPAD;
  }

  /** A free compartment of the size asked, or else the next size up. */
  freeCompartment(locker: string, size: CompartmentSize): Compartment {
    const fits = Sizes.options.slice(Sizes.options.indexOf(size));
    for (const s of fits) {
      const free = this.compartmentsOf(locker).find((c) => c.size === s && c.state === 'free');
      if (free) return free;
    }
    throw new ApiError('no_free_compartment', `no free compartment of size ${fits.join(', ')} in locker "${locker}"`);
  }

  /** The door command in flight for a compartment, addressed to its board and channel. */
  openCommand(c: Compartment): OpenCommand {
    const door = this.doors.get(key(c.locker, c.number))!;
    return {
      commandId: c.command!.id,
      compartment: c.number,
      boardAddress: door.boardAddress,
      channel: door.channel,
      purpose: c.command!.purpose,
    };
  }

  /** The commands a locker has not yet reported on: sent again whenever it connects. */
  pendingCommands(locker: string): OpenCommand[] {
    return this.compartmentsOf(locker)
      .filter((c) => c.state === 'opening' || c.state === 'opening_for_pickup')
      .map((c) => this.openCommand(c));
  }

  /** A compartment as staff see it: never its code's hash. */
  view(c: Compartment, now: Date): CompartmentView {
    const storedAt = c.item?.storedAt;
    return {
      locker: c.locker,
      number: c.number,
      size: c.size,
      state: c.state,
      item: c.item,
      command: c.command,
      fault: c.fault,
      overdue: c.state === 'occupied' && !!storedAt && now.getTime() - Date.parse(storedAt) > this.overdueMs,
    };
  }

  views(now: Date): LockerView[] {
    return [...this.lockers.values()].map((l) => ({
      id: l.id,
      name: l.name,
      zone: l.zone,
      keypad: this.keypad(l.id),
      compartments: this.compartmentsOf(l.id).map((c) => this.view(c, now)),
    }));
  }
}
