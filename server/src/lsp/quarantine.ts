// Quarantine: files that killed the server are found after a restart (crash journal + probe) and left out of the analysis, with a finding.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { quarantined } from '../analysis/rules/parse/quarantined';
import { problem, type Problem } from '../analysis/rules/rule';
import { fileLocation } from '../analysis/text/span';
import type { CrashJournal } from './crashJournal';
import type { Logger } from './logger';
import { findPoisonousFiles, type PoisonousFile, type ProbeSettings } from './quarantineProbe';
import { textDigest } from './stateDirectory';

/** One quarantined file. */
export interface QuarantineEntry {
  readonly path: string;
  /** SHA-256 of the text that killed the server. */
  readonly digest: string;
  /** When it was quarantined (ISO 8601). */
  readonly since: string;
  /** How the probe process died on it. */
  readonly death: string;
}

interface StoredQuarantine {
  readonly entries: readonly QuarantineEntry[];
  /** Crashes in a row that no probe explained (see {@link recoverFromCrash}). */
  readonly unexplainedCrashes: number;
}

/**
 * The quarantined files of one workspace folder, persisted in the state folder. A file stays
 * quarantined while its text is the one that killed the server; once quarantined in this process
 * it also stays so while it is open in the editor, so that typing in it cannot crash the server
 * at every keystroke. Closing it with other text on disk lifts the quarantine.
 */
export class QuarantineStore {
  readonly #file: string;
  readonly #entries = new Map<string, QuarantineEntry>();
  #unexplainedCrashes: number;

  private constructor(file: string, stored: StoredQuarantine) {
    this.#file = file;
    for (const entry of stored.entries) this.#entries.set(entry.path, entry);
    this.#unexplainedCrashes = stored.unexplainedCrashes;
  }

  /** Loads the store (empty when the file is missing or unreadable). */
  static load(file: string): QuarantineStore {
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoredQuarantine>;
      const entries = Array.isArray(stored.entries) ? stored.entries.filter(isEntry) : [];
      return new QuarantineStore(file, { entries, unexplainedCrashes: typeof stored.unexplainedCrashes === 'number' ? stored.unexplainedCrashes : 0 });
    } catch {
      return new QuarantineStore(file, { entries: [], unexplainedCrashes: 0 });
    }
  }

  /** The quarantined files. */
  entries(): readonly QuarantineEntry[] {
    return [...this.#entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** True when nothing is quarantined (the common case: no digest is ever computed). */
  get isEmpty(): boolean {
    return this.#entries.size === 0;
  }

  /**
   * Decides whether a file of the next snapshot is left out. A file no longer present, or present
   * with other text while not open, leaves the quarantine (and the store is saved).
   */
  isQuarantined(path: string, text: string | undefined, isOpen: boolean): boolean {
    const entry = this.#entries.get(path);
    if (!entry) return false;
    if (text !== undefined && (isOpen || textDigest(text) === entry.digest)) return true;
    this.#entries.delete(path);
    this.#save();
    return false;
  }

  /** Forgets entries whose file is gone from the folder. */
  retain(exists: (path: string) => boolean): void {
    let changed = false;
    for (const path of [...this.#entries.keys()]) {
      if (!exists(path)) changed = this.#entries.delete(path) || changed;
    }
    if (changed) this.#save();
  }

  /** Adds poisonous files. */
  add(files: readonly { readonly path: string; readonly text: string; readonly death: string }[]): void {
    const since = new Date().toISOString();
    for (const file of files) this.#entries.set(file.path, { path: file.path, digest: textDigest(file.text), since, death: file.death });
    this.#save();
  }

  /** Crashes in a row the probe could not explain. */
  get unexplainedCrashes(): number {
    return this.#unexplainedCrashes;
  }

  /** Counts one more unexplained crash, or resets the count (an analysis completed). */
  setUnexplainedCrashes(count: number): void {
    if (count === this.#unexplainedCrashes) return;
    this.#unexplainedCrashes = count;
    this.#save();
  }

  #save(): void {
    const stored: StoredQuarantine = { entries: this.entries(), unexplainedCrashes: this.#unexplainedCrashes };
    const temporary = `${this.#file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(stored, null, 2));
      renameSync(temporary, this.#file);
    } catch {
      // The state folder is a convenience; the quarantine still holds for this process.
    }
  }
}

/** The finding shown on a quarantined file. */
export function quarantineProblem(entry: QuarantineEntry): Problem {
  return problem(
    quarantined,
    `Not analysed: the GitOps Waves language server died while parsing this file (${entry.death}), so it is quarantined. ` +
      'Change the file on disk (and close it) to have it analysed again.',
    fileLocation(entry.path),
  );
}

/** How to read a suspect's text for the digest, when the journal did not keep it. */
export type SuspectTextReader = (path: string) => Promise<string | undefined>;

/** What {@link recoverFromCrash} found. */
export interface RecoveryReport {
  /** `none`: no crash; `quarantined`: files found; `unexplained`: the crash did not reproduce. */
  readonly outcome: 'none' | 'quarantined' | 'unexplained' | 'crashed-while-analysing';
  readonly poisonous: readonly PoisonousFile[];
}

/** Unexplained crashes in a row after which every suspect of the journal is quarantined. */
const MAX_UNEXPLAINED_CRASHES = 2;

/**
 * Runs at start, before the first analysis of a folder. When the previous process left a journal
 * entry while parsing, the suspects are parsed again in child processes and the ones that kill
 * the child are quarantined. When nothing reproduces twice in a row, all the suspects of the
 * entry are quarantined, so the server cannot crash-loop either way. An entry left while
 * analysing (after parsing) names no file: it is logged.
 */
export async function recoverFromCrash(
  journal: CrashJournal,
  store: QuarantineStore,
  probe: ProbeSettings & { readonly folderPath: string; readonly readText: SuspectTextReader },
  log: Logger,
): Promise<RecoveryReport> {
  const leftover = journal.readLeftover();
  if (leftover === undefined) return { outcome: 'none', poisonous: [] };
  journal.discardLeftover();
  if (leftover === 'unreadable') {
    log.warn('The previous server process died while writing its crash journal; nothing to quarantine.');
    return { outcome: 'unexplained', poisonous: [] };
  }
  if (leftover.phase === 'analysing') {
    log.warn(`The previous server process died while analysing ${probe.folderPath} after parsing every file; no file can be blamed.`);
    return { outcome: 'crashed-while-analysing', poisonous: [] };
  }
  log.warn(`The previous server process died while parsing ${leftover.files.length} file(s) of ${probe.folderPath}; probing them in child processes.`);
  let poisonous = await findPoisonousFiles(probe.folderPath, leftover.files, probe);
  let outcome: RecoveryReport['outcome'] = 'quarantined';
  if (poisonous.length === 0) {
    store.setUnexplainedCrashes(store.unexplainedCrashes + 1);
    if (store.unexplainedCrashes < MAX_UNEXPLAINED_CRASHES) {
      log.warn('No file reproduced the crash; analysing everything again.');
      return { outcome: 'unexplained', poisonous: [] };
    }
    log.warn(`No file reproduced the crash ${store.unexplainedCrashes} times in a row; quarantining all ${leftover.files.length} suspect(s).`);
    poisonous = leftover.files.map((suspect) => ({ suspect, death: 'the server died repeatedly while parsing a batch holding this file' }));
    outcome = 'quarantined';
  }
  const files: { path: string; text: string; death: string }[] = [];
  for (const file of poisonous) {
    const text = file.suspect.text ?? (await probe.readText(file.suspect.path));
    if (text !== undefined) files.push({ path: file.suspect.path, text, death: file.death });
    log.warn(`Quarantined ${file.suspect.path}: ${file.death}.`);
  }
  store.add(files);
  store.setUnexplainedCrashes(0);
  return { outcome, poisonous };
}

function isEntry(value: unknown): value is QuarantineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.path === 'string' && typeof entry.digest === 'string' && typeof entry.since === 'string' && typeof entry.death === 'string';
}
