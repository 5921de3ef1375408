import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

/**
 * How far the locker PC got with a door command: `pulsing` is written before the lock is pulsed, so a PC that
 * restarts never pulses the same command twice (a door popping open with nobody at it); the others let it finish
 * reporting what it saw.
 */
export type JournaledStage = 'pulsing' | 'open' | 'failed' | 'closed';

export interface JournalEntry {
  stage: JournaledStage;
  detail?: string;
}

export interface DoorJournal {
  get(commandId: string): JournalEntry | undefined;
  /** Durable before it returns (fsync): the pulse that follows may be the last thing before a power cut. */
  record(commandId: string, entry: JournalEntry): void;
  close(): void;
}

/** Only the latest commands matter: the server gives up on a command within minutes. */
const KEEP = 500;

/** A journal in memory only, for a service without a file (tests, the e2e shell). */
export function memoryDoorJournal(): DoorJournal {
  const entries = new Map<string, JournalEntry>();
  return {
    get: (id) => entries.get(id),
    record(id, entry) {
      entries.delete(id);
      entries.set(id, entry);
      if (entries.size > KEEP) entries.delete(entries.keys().next().value!);
    },
    close() {},
  };
}

/**
 * A journal in a file of JSON lines, one per stage reached. Opening it reads what a previous run wrote (a line torn
 * by a crash is skipped) and writes it back compacted to the latest commands.
 */
export function openDoorJournal(path: string): DoorJournal {
  const memory = memoryDoorJournal();
  const latest = new Map<string, JournalEntry>();
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const entry = parseLine(line);
      if (!entry) continue;
      latest.delete(entry.id);
      latest.set(entry.id, entry.entry);
    }
  }
  const kept = [...latest].slice(-KEEP);
  for (const [id, entry] of kept) memory.record(id, entry);
  const compacted = kept.map(([id, entry]) => JSON.stringify({ id, ...entry }) + '\n').join('');
  const tmp = `${path}.tmp`;
  const tmpFd = openSync(tmp, 'w');
  writeSync(tmpFd, compacted);
  fsyncSync(tmpFd);
  closeSync(tmpFd);
  renameSync(tmp, path);
  const fd = openSync(path, 'a');
  let closed = false;
  return {
    get: memory.get,
    record(id, entry) {
      writeSync(fd, JSON.stringify({ id, ...entry }) + '\n');
      fsyncSync(fd);
      memory.record(id, entry);
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}

const STAGES: readonly string[] = ['pulsing', 'open', 'failed', 'closed'] satisfies JournaledStage[];

function parseLine(line: string): { id: string; entry: JournalEntry } | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as { id?: unknown; stage?: unknown; detail?: unknown };
    if (typeof value.id !== 'string' || typeof value.stage !== 'string' || !STAGES.includes(value.stage)) return null;
    const entry: JournalEntry = { stage: value.stage as JournaledStage };
    if (typeof value.detail === 'string') entry.detail = value.detail;
    return { id: value.id, entry };
  } catch {
    return null;
  }
}
