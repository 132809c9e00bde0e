// Finds which of the files a dead process was parsing kills the parser: each is parsed again in a child process, one at a time.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseYamlFile, DEFAULT_PARSE_LIMITS, type ParseLimits } from '../analysis/yaml/parseYamlFile';
import { nodeFileSystem } from '../host/fileSystem';
import { DEFAULT_MAX_FILE_BYTES } from '../host/readRepository';
import { readSnapshotFile } from '../host/readSnapshotFile';
import type { JournalSuspect } from './crashJournal';
import { abortIfTestMarker } from './testFaults';

/** The command-line flag that starts the bundle as a probe child instead of a server. */
export const PROBE_FLAG = '--quarantine-probe';

/** What the parent sends the probe child. */
interface ProbeRequest {
  readonly folderPath: string;
  readonly files: readonly JournalSuspect[];
  readonly limits: ParseLimits;
  readonly maxFileBytes: number;
}

/** What the child sends back: one message per file parsed, then `done`. */
type ProbeReply = { readonly parsed: number } | { readonly done: true };

/** A file that killed (or hung) the probe child. */
export interface PoisonousFile {
  readonly suspect: JournalSuspect;
  /** How the child died: `signal SIGABRT`, `exit code 134`, `no answer within 10000 ms`. */
  readonly death: string;
}

/** Settings of {@link findPoisonousFiles}. */
export interface ProbeSettings {
  /** The script to fork (the server bundle); it must call {@link runProbeChild} when given {@link PROBE_FLAG}. */
  readonly script: string;
  readonly limits?: ParseLimits;
  readonly maxFileBytes?: number;
  /** A file not parsed within this many milliseconds counts as poisonous (a hang). Default 10 s. */
  readonly timeoutPerFileMs?: number;
  /** Children started at most; after that the remaining suspects all count as poisonous. Default 20. */
  readonly maxChildren?: number;
}

/**
 * Parses each suspect in a child process, in order. When a child dies (or stops answering), the
 * file it was parsing is poisonous and a new child continues with the files after it. Files read
 * from disk unless the suspect carries its text. Resolves with the poisonous files (often none:
 * the crash may not reproduce); never rejects.
 */
export async function findPoisonousFiles(folderPath: string, suspects: readonly JournalSuspect[], settings: ProbeSettings): Promise<PoisonousFile[]> {
  const poisonous: PoisonousFile[] = [];
  let remaining = [...suspects];
  let children = 0;
  while (remaining.length > 0) {
    if (children >= (settings.maxChildren ?? 20)) {
      for (const suspect of remaining) poisonous.push({ suspect, death: 'not probed: too many probe processes died' });
      break;
    }
    children++;
    const outcome = await probeOnce(folderPath, remaining, settings);
    if (outcome.kind === 'finished') break;
    const victim = remaining[outcome.parsedCount];
    if (victim === undefined) break;
    poisonous.push({ suspect: victim, death: outcome.death });
    remaining = remaining.slice(outcome.parsedCount + 1);
  }
  return poisonous;
}

type ProbeOutcome = { readonly kind: 'finished' } | { readonly kind: 'died'; readonly parsedCount: number; readonly death: string };

function probeOnce(folderPath: string, files: readonly JournalSuspect[], settings: ProbeSettings): Promise<ProbeOutcome> {
  const timeoutMs = settings.timeoutPerFileMs ?? 10_000;
  return new Promise((resolve) => {
    let parsedCount = 0;
    let settled = false;
    let child: ChildProcess;
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const armTimer = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => settle({ kind: 'died', parsedCount, death: `no answer within ${timeoutMs} ms` }), timeoutMs);
    };
    try {
      // The child's output is of no use and must never reach the server's stdout (the LSP stream).
      child = fork(settings.script, [PROBE_FLAG], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [] });
    } catch (error) {
      resolve({ kind: 'died', parsedCount: 0, death: `the probe could not start (${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    child.on('message', (reply: ProbeReply) => {
      if ('done' in reply) {
        settle({ kind: 'finished' });
      } else {
        parsedCount = reply.parsed;
        armTimer();
      }
    });
    child.on('error', () => settle({ kind: 'died', parsedCount, death: 'the probe process failed' }));
    child.on('exit', (code, signal) => settle({ kind: 'died', parsedCount, death: signal ? `signal ${signal}` : `exit code ${code ?? 'unknown'}` }));
    const request: ProbeRequest = {
      folderPath,
      files,
      limits: settings.limits ?? DEFAULT_PARSE_LIMITS,
      maxFileBytes: settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    };
    armTimer();
    child.send(request);
  });
}

/**
 * The probe child's side: receives one request, parses the files in order and acknowledges each
 * one, then exits. Started by the server bundle when it is given {@link PROBE_FLAG}.
 */
export function runProbeChild(): void {
  process.once('message', (request: ProbeRequest) => {
    void probeFiles(request).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

async function probeFiles(request: ProbeRequest): Promise<void> {
  const send = (reply: ProbeReply): Promise<void> => new Promise((resolve) => process.send?.(reply, () => resolve()) ?? resolve());
  for (const [position, suspect] of request.files.entries()) {
    const text = suspect.text ?? (await readFromDisk(request, suspect.path));
    if (text !== undefined) {
      abortIfTestMarker(text);
      parseYamlFile(suspect.path, text, request.limits);
    }
    await send({ parsed: position + 1 });
  }
  await send({ done: true });
}

async function readFromDisk(request: ProbeRequest, repoPath: string): Promise<string | undefined> {
  const file = await readSnapshotFile(path.join(request.folderPath, ...repoPath.split('/')), undefined, request.maxFileBytes, nodeFileSystem);
  return file.kind === 'text' ? file.text : undefined;
}
