// The crash journal: "about to parse these files" written before parsing and removed after, so a restart knows what killed the last process.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file the server was about to parse; `text` is kept when it came from an editor buffer (it may not be on disk). */
export interface JournalSuspect {
  readonly path: string;
  readonly text?: string;
}

/** The journal's content. */
export type JournalEntry =
  | { readonly phase: 'parsing'; readonly pid: number; readonly folder: string; readonly files: readonly JournalSuspect[] }
  /** Parsing was done; the model, rules and checks were running. */
  | { readonly phase: 'analysing'; readonly pid: number; readonly folder: string };

/**
 * One folder's crash journal. Writes are synchronous and go through a rename, so the entry is
 * complete in the file system before the parse starts even if the process is killed right after
 * (the data survives a process death; only a machine crash could lose it).
 */
export class CrashJournal {
  readonly #file: string;
  readonly #folder: string;
  #written = false;
  /** Entries written so far: a deferred clear removes only the entry that was current when it was asked for. */
  #writes = 0;

  constructor(file: string, folder: string) {
    this.#file = file;
    this.#folder = folder;
  }

  /** Records the files about to be parsed. */
  recordParsing(files: readonly JournalSuspect[]): void {
    this.#write({ phase: 'parsing', pid: process.pid, folder: this.#folder, files });
  }

  /** Records that the analysis proper (after parsing) is running. */
  recordAnalysing(): void {
    this.#write({ phase: 'analysing', pid: process.pid, folder: this.#folder });
  }

  /** Removes the entry: the work it named finished. */
  clear(): void {
    if (!this.#written) return;
    try {
      rmSync(this.#file, { force: true });
    } catch {
      // A journal that cannot be removed is found at the next start and probed: harmless.
    }
    this.#written = false;
  }

  /**
   * Removes the entry once the work queued now has run (the diagnostics just published are written to the
   * client first), unless a newer entry was written meanwhile: the removal, a file-system call, stays out of
   * the time between an edit and its diagnostics. Returns a promise settled once it ran or was skipped.
   */
  clearSoon(): Promise<void> {
    const writes = this.#writes;
    return new Promise((resolve) =>
      setImmediate(() => {
        if (this.#writes === writes) this.clear();
        resolve();
      }),
    );
  }

  /**
   * The entry a dead process left behind, if any. An entry of a process still running (another
   * editor window on the same folder) is not a crash and is left alone; an unreadable entry is
   * reported as `unreadable` (a process died while writing it) and removed.
   */
  readLeftover(): JournalEntry | 'unreadable' | undefined {
    let content: string;
    try {
      content = readFileSync(this.#file, 'utf8');
    } catch {
      return undefined;
    }
    let entry: JournalEntry;
    try {
      entry = JSON.parse(content) as JournalEntry;
      if (typeof entry !== 'object' || entry === null || typeof entry.pid !== 'number') throw new Error('not an entry');
    } catch {
      this.discardLeftover();
      return 'unreadable';
    }
    if (entry.pid !== process.pid && isProcessAlive(entry.pid)) return undefined;
    return entry;
  }

  /** Removes a leftover entry once it has been dealt with. */
  discardLeftover(): void {
    try {
      rmSync(this.#file, { force: true });
    } catch {
      // Nothing more to do: the next start would probe the same files again.
    }
  }

  /**
   * Writes the entry; never throws. The journal is a safety net: if the state folder vanished (a
   * temporary-folder cleaner) it is created again, and if it still cannot be written the analysis
   * goes on without the net rather than not at all.
   */
  #write(entry: JournalEntry): void {
    const temporary = `${this.#file}.${process.pid}.tmp`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(temporary, JSON.stringify(entry));
        renameSync(temporary, this.#file);
        this.#written = true;
        this.#writes++;
        return;
      } catch {
        try {
          mkdirSync(path.dirname(this.#file), { recursive: true });
        } catch {
          return;
        }
      }
    }
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as { code?: string }).code === 'EPERM';
  }
}
