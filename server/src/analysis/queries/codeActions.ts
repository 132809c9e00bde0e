// Code actions as plain data: each fix of the findings under a range, and "fix all of this rule in this file".
import type { Fix, TextEdit } from '../fixes/types';
import type { Finding } from '../rules/rule';
import type { Span } from '../text/span';

/** A code action the host converts: a title, edits (possibly in several files), and what it fixes. */
export interface CodeActionData {
  readonly title: string;
  /** `quickfix` for one finding or one rule in a file, `source.fixAll` for every rule in a file. */
  readonly kind: 'quickfix' | 'source.fixAll';
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
  /** The findings it fixes (the host attaches their diagnostics). */
  readonly findings: readonly Finding[];
}

/**
 * The quick fixes for the findings of `file` whose span touches `range`: every fix of each
 * finding (preferred as the rule says), then, per rule, one action applying every preferred fix
 * of that rule in the file when there are at least two (overlapping edits are left out).
 */
export function codeActionsAt(findings: readonly Finding[], file: string, range: Span): CodeActionData[] {
  const inFile = findings.filter((finding) => finding.location.file === file);
  const touched = inFile.filter((finding) => touches(finding.location.span, range) && (finding.fixes?.length ?? 0) > 0);
  const actions: CodeActionData[] = [];
  for (const finding of touched) {
    for (const fix of finding.fixes ?? []) actions.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, preferred: fix.preferred, findings: [finding] });
  }
  for (const ruleId of [...new Set(touched.map((finding) => finding.ruleId))]) {
    const all = fixAll(inFile.filter((finding) => finding.ruleId === ruleId));
    if (all.findings.length < 2) continue;
    actions.push({ title: `Fix all ${ruleId} problems in this file (${all.findings.length})`, kind: 'quickfix', edits: all.edits, preferred: false, findings: all.findings });
  }
  return actions;
}

/** The `source.fixAll` action of a file: every preferred fix of every rule, without overlaps; undefined when there is none. */
export function fixAllInFile(findings: readonly Finding[], file: string): CodeActionData | undefined {
  const all = fixAll(findings.filter((finding) => finding.location.file === file));
  if (all.findings.length === 0) return undefined;
  return { title: `Fix all GitOps Waves problems in this file (${all.findings.length})`, kind: 'source.fixAll', edits: all.edits, preferred: false, findings: all.findings };
}

/**
 * The preferred fix of each finding, in file order, skipping a fix whose edits overlap edits
 * already taken (or repeat them: two findings fixed by the same edit count once).
 */
function fixAll(findings: readonly Finding[]): { edits: TextEdit[]; findings: Finding[] } {
  const edits: TextEdit[] = [];
  const fixed: Finding[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix: Fix | undefined = finding.fixes?.find((candidate) => candidate.preferred);
    if (!fix) continue;
    const fresh = fix.edits.filter((edit) => !seen.has(editKey(edit)));
    if (fresh.some((edit) => edits.some((taken) => overlaps(taken, edit)))) continue;
    for (const edit of fresh) {
      seen.add(editKey(edit));
      edits.push(edit);
    }
    fixed.push(finding);
  }
  return { edits, findings: fixed };
}

function editKey(edit: TextEdit): string {
  return `${edit.file}\u0000${edit.span.start}\u0000${edit.span.end}\u0000${edit.newText}`;
}

/** Two edits of one file overlap when their spans intersect, or both insert at the same offset. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

function touches(span: Span, range: Span): boolean {
  return span.start <= range.end && range.start <= span.end;
}
