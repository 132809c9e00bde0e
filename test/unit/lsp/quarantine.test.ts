// The quarantine store and the crash journal: what a restart finds, and when a quarantined file is analysed again.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrashJournal } from '../../../server/src/lsp/crashJournal';
import { QuarantineStore, recoverFromCrash } from '../../../server/src/lsp/quarantine';
import type { Logger } from '../../../server/src/lsp/logger';
import { SERVER_BUNDLE } from '../../support/lspClient';

/** A process id no process has (above Linux's pid_max of 2^22). */
const DEAD_PID = 2 ** 22 + 1;

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(path.join(os.tmpdir(), 'gitops-waves-quarantine-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('QuarantineStore', () => {
  it('keeps a file quarantined while its text is the poisonous one, or while it is open', () => {
    const file = path.join(directory, 'q.json');
    const store = QuarantineStore.load(file);
    store.add([{ path: 'apps/x.yaml', text: 'poison\n', death: 'signal SIGABRT' }]);
    const reloaded = QuarantineStore.load(file);
    expect(reloaded.entries().map((entry) => entry.path)).toEqual(['apps/x.yaml']);
    expect(reloaded.isQuarantined('apps/x.yaml', 'poison\n', false)).toBe(true);
    expect(reloaded.isQuarantined('apps/x.yaml', 'edited in the editor\n', true)).toBe(true);
    expect(reloaded.isQuarantined('apps/other.yaml', 'poison\n', false)).toBe(false);
    // Changed on disk and not open: the quarantine ends, and the store says so on disk.
    expect(reloaded.isQuarantined('apps/x.yaml', 'fixed\n', false)).toBe(false);
    expect(QuarantineStore.load(file).isEmpty).toBe(true);
  });

  it('loads an unreadable store as empty', () => {
    const file = path.join(directory, 'q.json');
    writeFileSync(file, '{ not json');
    expect(QuarantineStore.load(file).isEmpty).toBe(true);
  });
});

describe('CrashJournal and recoverFromCrash', () => {
  it('leaves nothing behind after a clean run', () => {
    const journal = new CrashJournal(path.join(directory, 'j.json'), '/repo');
    journal.recordParsing([{ path: 'a.yaml' }]);
    journal.recordAnalysing();
    journal.clear();
    expect(journal.readLeftover()).toBeUndefined();
  });

  it('clears soon: the entry goes once queued work ran, unless a newer entry was written meanwhile', async () => {
    const journal = new CrashJournal(path.join(directory, 'j.json'), '/repo');
    journal.recordAnalysing();
    const cleared = journal.clearSoon();
    expect(journal.readLeftover()).toMatchObject({ phase: 'analysing' });
    await cleared;
    expect(journal.readLeftover()).toBeUndefined();

    journal.recordAnalysing();
    const skipped = journal.clearSoon();
    journal.recordParsing([{ path: 'b.yaml' }]);
    await skipped;
    expect(journal.readLeftover()).toMatchObject({ phase: 'parsing', files: [{ path: 'b.yaml' }] });
  });

  it('ignores the journal of a process that is still running (another window on the same folder)', () => {
    const file = path.join(directory, 'j.json');
    writeFileSync(file, JSON.stringify({ phase: 'parsing', pid: process.ppid, folder: '/repo', files: [{ path: 'a.yaml' }] }));
    expect(new CrashJournal(file, '/repo').readLeftover()).toBeUndefined();
  });

  it('quarantines every suspect when no probe process can run', async () => {
    const file = path.join(directory, 'j.json');
    const store = QuarantineStore.load(path.join(directory, 'q.json'));
    writeFileSync(file, JSON.stringify({ phase: 'parsing', pid: DEAD_PID, folder: '/repo', files: [{ path: 'a.yaml', text: 'a: 1\n' }] }));
    const probe = { script: '/nonexistent/no-probe.js', folderPath: '/repo', readText: async () => undefined, maxChildren: 0 };
    const report = await recoverFromCrash(new CrashJournal(file, '/repo'), store, probe, silent);
    expect(report.outcome).toBe('quarantined');
    expect(report.poisonous.map((item) => item.death)).toEqual(['not probed: too many probe processes died']);
    expect(JSON.parse(readFileSync(path.join(directory, 'q.json'), 'utf8')).entries.map((entry: { path: string }) => entry.path)).toEqual(['a.yaml']);
  });

  it.skipIf(!existsSync(SERVER_BUNDLE))('analyses again after a crash the probe cannot reproduce, and quarantines the batch the second time', async () => {
    const file = path.join(directory, 'j.json');
    const store = QuarantineStore.load(path.join(directory, 'q.json'));
    const probe = { script: SERVER_BUNDLE, folderPath: directory, readText: async () => undefined };
    const leaveJournal = (): void => writeFileSync(file, JSON.stringify({ phase: 'parsing', pid: DEAD_PID, folder: directory, files: [{ path: 'a.yaml', text: 'a: 1\n' }] }));
    leaveJournal();
    expect((await recoverFromCrash(new CrashJournal(file, directory), store, probe, silent)).outcome).toBe('unexplained');
    expect(store.isEmpty).toBe(true);
    leaveJournal();
    expect((await recoverFromCrash(new CrashJournal(file, directory), store, probe, silent)).outcome).toBe('quarantined');
    expect(store.entries().map((entry) => entry.path)).toEqual(['a.yaml']);
  });
});
