// Where the server keeps state across restarts (crash journal, quarantine), one pair of files per workspace folder.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The state files of one workspace folder. */
export interface FolderStateFiles {
  /** Written before each batch of parses, removed after the analysis: left behind only by a process that died. */
  readonly journal: string;
  /** Files quarantined in this folder. */
  readonly quarantine: string;
}

/**
 * The state folder: `--state-dir` when given, else `gitops-waves-state` under the system's
 * temporary folder, created if needed. An explicit folder that cannot be created falls back to the
 * default; never throws (without a writable folder the crash journal is simply not kept).
 */
export function resolveStateDirectory(explicit: string | undefined): string {
  const fallback = path.join(os.tmpdir(), 'gitops-waves-state');
  for (const directory of explicit ? [path.resolve(explicit), fallback] : [fallback]) {
    try {
      mkdirSync(directory, { recursive: true });
      return directory;
    } catch {
      // Try the next candidate.
    }
  }
  return fallback;
}

/** The state files of a workspace folder, named after a hash of its absolute path. */
export function folderStateFiles(stateDirectory: string, folderPath: string): FolderStateFiles {
  const key = createHash('sha256').update(folderPath).digest('hex').slice(0, 16);
  return { journal: path.join(stateDirectory, `${key}.journal.json`), quarantine: path.join(stateDirectory, `${key}.quarantine.json`) };
}

/** The SHA-256 of a text (hex), to recognise a quarantined file's exact content. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
