import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** SQLite's answers for a disk that cannot take a write: full, read-only, failing, or gone. */
const STORAGE_CODE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN)/;

/** True for an error that says the hall's storage cannot write, not that a request was wrong. */
export function isStorageError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODE.test(code);
}

/** What /api/health tells of the disk. */
export interface StorageStatus {
  /** False after a write failed for storage and until one commits again, or when free space is below the floor. */
  writable: boolean;
  freeBytes: number;
  walBytes: number;
  /** The last storage failure since the last commit: SQLite's code and when. */
  fault: { code: string; at: string } | null;
}

/**
 * Below this much free space the hall reports itself unable to write: SQLite needs room for the WAL and a checkpoint,
 * and a clerk is better told before a write fails than after.
 */
export const MIN_FREE_BYTES = 32 * 1024 * 1024;

/** Remembers storage failures of the database's writes, so health can say the hall cannot write until one commits. */
export class StorageWatch {
  private fault: StorageStatus['fault'] = null;

  constructor(
    private readonly path: string,
    private readonly minFreeBytes = MIN_FREE_BYTES,
  ) {}

  /** Records `error` when it is a storage failure; says whether it was one. */
  failed(error: unknown, now = new Date()): boolean {
    if (!isStorageError(error)) return false;
    this.fault = { code: error.code, at: now.toISOString() };
    return true;
  }

  /** A transaction committed: the disk takes writes again. */
  committed(): void {
    this.fault = null;
  }

  status(): StorageStatus {
    const dir = dirname(this.path);
    let freeBytes = 0;
    let dirWritable = true;
    try {
      const fs = statfsSync(dir);
      freeBytes = fs.bavail * fs.bsize;
      accessSync(dir, constants.W_OK);
    } catch {
      dirWritable = false;
    }
    let walBytes = 0;
    try {
      walBytes = statSync(`${this.path}-wal`).size;
    } catch {
      // No WAL file: a clean stop folded it back.
    }
    const writable = this.fault === null && dirWritable && freeBytes >= this.minFreeBytes;
    return { writable, freeBytes, walBytes, fault: this.fault };
  }
}
