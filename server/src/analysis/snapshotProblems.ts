// Turns what a host could not read (skipped files, walk problems) into problems of the parse/* rules.
import type { RepoSnapshot, SkipReason, SnapshotFile, WalkProblem } from './snapshot';
import { OverlaidFiles } from './overlaidFiles';
import { problem, type Problem, type RuleMeta } from './rules/rule';
import { binaryFile } from './rules/parse/binary-file';
import { fileCountCap } from './rules/parse/file-count-cap';
import { fileTooLarge } from './rules/parse/file-too-large';
import { notUtf8 } from './rules/parse/not-utf8';
import { symlinkEscape } from './rules/parse/symlink-escape';
import { symlinkLoop } from './rules/parse/symlink-loop';
import { unreadable } from './rules/parse/unreadable';
import { fileLocation } from './text/span';

/** The rule and message opening for each reason a file was skipped. */
const SKIPPED: Readonly<Record<SkipReason, { readonly rule: RuleMeta; readonly describe: (detail: string) => string }>> = {
  'too-large': { rule: fileTooLarge, describe: (detail) => `File not read: it is over the size cap (${detail}); it is not analysed.` },
  binary: { rule: binaryFile, describe: (detail) => `File skipped: it holds binary data (${detail}); it is not analysed.` },
  'not-utf8': { rule: notUtf8, describe: (detail) => `File skipped: it is not valid UTF-8 text (${detail}); it is not analysed.` },
  unreadable: { rule: unreadable, describe: (detail) => `File skipped: ${detail}; it is not analysed.` },
};

/** The rule and message opening for each kind of walk problem. */
const WALK: Readonly<Record<WalkProblem['kind'], { readonly rule: RuleMeta; readonly describe: (detail: string) => string }>> = {
  'symlink-escape': { rule: symlinkEscape, describe: (detail) => `Symbolic link not followed: ${detail}.` },
  'symlink-loop': { rule: symlinkLoop, describe: (detail) => `Symbolic link not followed: ${detail}.` },
  'unreadable-directory': { rule: unreadable, describe: (detail) => `Folder skipped: ${detail}; nothing in it is analysed.` },
  'file-count-cap': { rule: fileCountCap, describe: (detail) => `Repository walk stopped: ${detail}.` },
};

/**
 * One problem per skipped file and per walk problem of the snapshot, sorted by file. Problems
 * about a whole file point at its start.
 */
export function snapshotProblems(snapshot: RepoSnapshot): Problem[] {
  const problems: Problem[] = [];
  const { files } = snapshot;
  if (files instanceof OverlaidFiles) {
    // The base's problems are found once per base map; replaced entries are looked at one by one.
    for (const found of skippedFileProblems(files.base)) if (!files.replacements.has(found.location.file)) problems.push(found);
    for (const [path, file] of files.replacements) if (file !== undefined) problems.push(...skippedFileProblems(new Map([[path, file]])));
  } else {
    problems.push(...skippedFileProblems(files));
  }
  for (const walkProblem of snapshot.walkProblems) {
    const entry = WALK[walkProblem.kind];
    problems.push(problem(entry.rule, entry.describe(walkProblem.detail), walkProblem.location));
  }
  return problems.sort((a, b) => compareText(a.location.file, b.location.file) || a.location.span.start - b.location.span.start || compareText(a.ruleId, b.ruleId));
}

/** One problem per skipped file of a map (kept per map: a host's disk map serves many snapshots). */
function skippedFileProblems(files: ReadonlyMap<string, SnapshotFile>): readonly Problem[] {
  let problems = skippedByMap.get(files);
  if (problems === undefined) {
    const found: Problem[] = [];
    for (const [path, file] of files) {
      if (file.kind !== 'skipped') continue;
      const entry = SKIPPED[file.reason];
      found.push(problem(entry.rule, entry.describe(file.detail), fileLocation(path)));
    }
    skippedByMap.set(files, (problems = found));
  }
  return problems;
}

const skippedByMap = new WeakMap<ReadonlyMap<string, SnapshotFile>, readonly Problem[]>();

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
