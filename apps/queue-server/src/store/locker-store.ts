import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Compartment, Keypad } from '@hallq/shared/domain';
import { Compartment as CompartmentSchema, Keypad as KeypadSchema, compartmentDeadline } from '@hallq/shared/domain';
import type { HallDatabase } from '../db/open-database';
import { readJson, readRow } from './stored-row';

const KeypadRow = KeypadSchema.extend({ locker: z.string() });

export type Handover = 'window' | 'post';
export type CollectedBy = 'applicant' | Handover;

export interface ItemRecord {
  id: string;
  locker: string;
  compartment: string;
  caseNumber: string;
  description: string;
  applicantName: string;
  phone: string;
  registeredBy: string;
  registeredAt: string;
}

// 13812345678 → 138****5678, as every staff screen shows a phone number.
const MASKED_PHONE = "substr(phone, 1, 3) || '****' || substr(phone, -4)";

/**
 * Every SQL statement of the lockers (migrations 0006, 0007; their notices are the notice store's, 0015). Writes run
 * inside the hall service's transaction.
 */
export class LockerStore {
  private readonly s: Record<string, Statement>;

  constructor(db: HallDatabase) {
    const p = (sql: string) => db.write.prepare(sql);
    this.s = {
      compartments: p('SELECT data FROM locker_compartments'),
      saveCompartment: p(
        `INSERT INTO locker_compartments (locker, number, state, code_hash, command_id, deadline, data)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (locker, number) DO UPDATE SET state = excluded.state, code_hash = excluded.code_hash,
           command_id = excluded.command_id, deadline = excluded.deadline, data = excluded.data`,
      ),
      insertItem: p(
        `INSERT INTO locker_items (id, locker, compartment, case_number, description, applicant_name, phone,
                                   registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      itemStored: p('UPDATE locker_items SET stored_at = ? WHERE id = ? AND stored_at IS NULL'),
      itemCollected: p(
        'UPDATE locker_items SET collected_at = ?, collected_by = ? WHERE id = ? AND collected_at IS NULL',
      ),
      itemHandover: p('UPDATE locker_items SET handover = ? WHERE id = ? AND collected_at IS NULL'),
      handoverOf: p('SELECT handover FROM locker_items WHERE id = ?'),
      itemPhone: p('SELECT phone FROM locker_items WHERE id = ?'),
      keypads: p('SELECT locker, wrong_in_row AS wrongInRow, locked_until AS lockedUntil FROM locker_keypads'),
      saveKeypad: p(
        `INSERT INTO locker_keypads (locker, wrong_in_row, locked_until) VALUES (?, ?, ?)
         ON CONFLICT (locker) DO UPDATE SET wrong_in_row = excluded.wrong_in_row, locked_until = excluded.locked_until`,
      ),
      maskItemPhone: p(`UPDATE locker_items SET phone = ${MASKED_PHONE} WHERE id = ?`),
      useCode: p(
        `INSERT INTO locker_used_codes (locker, code_hash, item_id, used_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (locker, code_hash) DO UPDATE SET item_id = excluded.item_id, used_at = excluded.used_at`,
      ),
      usedCode: p(
        `SELECT u.used_at AS usedAt, i.collected_at AS collectedAt FROM locker_used_codes u
         JOIN locker_items i ON i.id = u.item_id WHERE u.locker = ? AND u.code_hash = ?`,
      ),
    };
  }

  compartments(): Compartment[] {
    return (this.s.compartments!.all() as { data: string }[]).map((r) =>
      readJson(CompartmentSchema, r.data, 'compartment'),
    );
  }

  saveCompartment(c: Compartment): void {
    this.s.saveCompartment!.run(
      c.locker,
      c.number,
      c.state,
      c.codeHash,
      c.command?.id ?? null,
      compartmentDeadline(c),
      JSON.stringify(c),
    );
  }

  insertItem(i: ItemRecord): void {
    const { id, locker, compartment, caseNumber, description, applicantName, phone, registeredBy, registeredAt } = i;
    this.s.insertItem!.run(
      id,
      locker,
      compartment,
      caseNumber,
      description,
      applicantName,
      phone,
      registeredBy,
      registeredAt,
    );
  }

  itemStored(id: string, at: string): void {
    if (this.s.itemStored!.run(at, id).changes !== 1) throw new Error(`item ${id} is not waiting to be stored`);
  }

  itemCollected(id: string, at: string, by: CollectedBy): void {
    if (this.s.itemCollected!.run(at, by, id).changes !== 1) throw new Error(`item ${id} was already collected`);
  }

  itemHandover(id: string, handover: Handover): void {
    if (this.s.itemHandover!.run(handover, id).changes !== 1) throw new Error(`item ${id} was already collected`);
  }

  handoverOf(id: string): Handover {
    return this.s.handoverOf!.pluck().get(id) as Handover;
  }

  itemPhone(id: string): string {
    return this.s.itemPhone!.pluck().get(id) as string;
  }

  keypads(): Map<string, Keypad> {
    const rows = this.s.keypads!.all().map((row) => readRow(KeypadRow, row, 'keypad'));
    return new Map(rows.map(({ locker, ...k }) => [locker, k]));
  }

  saveKeypad(locker: string, k: Keypad): void {
    this.s.saveKeypad!.run(locker, k.wrongInRow, k.lockedUntil);
  }

  /** The item is out of the locker: its phone number is kept only masked (PIPL: no longer than needed). */
  maskItemPhone(itemId: string): void {
    this.s.maskItemPhone!.run(itemId);
  }

  /** Remembers a code that opened a door (its hash only), to tell a returning applicant it was used. */
  useCode(locker: string, codeHash: string, itemId: string, at: string): void {
    this.s.useCode!.run(locker, codeHash, itemId, at);
  }

  usedCode(locker: string, codeHash: string): { usedAt: string; collectedAt: string | null } | undefined {
    return this.s.usedCode!.get(locker, codeHash) as { usedAt: string; collectedAt: string | null } | undefined;
  }
}
