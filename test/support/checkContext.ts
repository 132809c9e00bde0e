// Builds a CheckContext from a fixture text, to test one rule's check alone, and applies fixes.
import { analyze, type AnalysisOptions } from '../../server/src/analysis/analyze';
import type { CheckContext, CheckedRule } from '../../server/src/analysis/rules/check';
import type { Problem } from '../../server/src/analysis/rules/rule';
import { applyEdits, type Fix } from '../../server/src/analysis/fixes/types';
import { parseFixture } from './fixture';
import { snapshotFromTexts } from '../../server/src/analysis/snapshot';

/** The analysis context of a fixture repository (files written as `#- path` sections). */
export function checkContextOf(fixtureText: string, options: AnalysisOptions = {}): { files: Record<string, string>; context: CheckContext } {
  const files = parseFixture(fixtureText);
  const analysis = analyze(snapshotFromTexts(files), options);
  return { files, context: { index: analysis.index, model: analysis.model, graph: analysis.graph, config: analysis.config } };
}

/** Runs one rule's check on a fixture repository. */
export function runCheck(rule: CheckedRule, fixtureText: string, options: AnalysisOptions = {}): { files: Record<string, string>; problems: readonly Problem[] } {
  const { files, context } = checkContextOf(fixtureText, options);
  return { files, problems: rule.check(context) };
}

/** Applies a fix to the files it edits and returns the new texts of every file (unchanged ones too). */
export function applyFix(files: Readonly<Record<string, string>>, fix: Fix): Record<string, string> {
  const result: Record<string, string> = { ...files };
  const byFile = new Map<string, Fix['edits'][number][]>();
  for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  for (const [file, edits] of byFile) result[file] = applyEdits(result[file] ?? '', edits);
  return result;
}
