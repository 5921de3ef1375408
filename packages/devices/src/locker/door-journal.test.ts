import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDoorJournal } from './door-journal';

const journalFile = () => join(mkdtempSync(join(tmpdir(), 'hallq-door-journal-')), 'locker-doors.jsonl');

describe('the door journal', () => {
  it('remembers the latest stage of each command across a restart', () => {
    const path = journalFile();
    const first = openDoorJournal(path);
    first.record('cmd-1', { stage: 'pulsing' });
    first.record('cmd-1', { stage: 'open' });
    first.record('cmd-2', { stage: 'pulsing' });
    first.record('cmd-2', { stage: 'failed', detail: 'board 1: no answer' });
    first.close();

    const again = openDoorJournal(path);
    expect(again.get('cmd-1')).toEqual({ stage: 'open' });
    expect(again.get('cmd-2')).toEqual({ stage: 'failed', detail: 'board 1: no answer' });
    expect(again.get('cmd-3')).toBeUndefined();
    again.close();
    // Compacted on opening: one line per command.
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('skips a line torn by a crash and keeps the rest', () => {
    const path = journalFile();
    const first = openDoorJournal(path);
    first.record('cmd-1', { stage: 'pulsing' });
    first.close();
    appendFileSync(path, '{"id":"cmd-2","sta');
    const again = openDoorJournal(path);
    expect(again.get('cmd-1')).toEqual({ stage: 'pulsing' });
    expect(again.get('cmd-2')).toBeUndefined();
    again.record('cmd-3', { stage: 'closed' });
    again.close();
    expect(openDoorJournal(path).get('cmd-3')).toEqual({ stage: 'closed' });
  });

  it('keeps only the latest 500 commands', () => {
    const path = journalFile();
    const journal = openDoorJournal(path);
    for (let i = 0; i < 520; i++) journal.record(`cmd-${i}`, { stage: 'closed' });
    journal.close();
    const again = openDoorJournal(path);
    expect(again.get('cmd-19')).toBeUndefined();
    expect(again.get('cmd-20')).toEqual({ stage: 'closed' });
    again.close();
  });
});
