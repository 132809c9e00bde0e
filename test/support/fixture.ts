// Multi-file fixtures in one text, and a readable rendering of problems for snapshots.
import { LineIndex } from '../../server/src/analysis/text/lineIndex';
import { snapshotFromTexts, type RepoSnapshot } from '../../server/src/analysis/snapshot';
import type { Problem } from '../../server/src/analysis/rules/rule';

/**
 * Splits a fixture text into files. A line `#- path/to/file.yaml` at column 0 starts a file;
 * the common leading indentation of the whole text is removed first.
 *
 * ```
 * #- apps/root.yaml
 * kind: Application
 * #- apps/child.yaml
 * kind: Application
 * ```
 */
export function parseFixture(text: string): Record<string, string> {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  const files: Record<string, string> = {};
  let current: string | undefined;
  let buffer: string[] = [];
  const flush = (): void => {
    if (current !== undefined) files[current] = buffer.join('\n').replace(/\s*$/, '\n');
  };
  for (const rawLine of lines) {
    const line = rawLine.slice(common);
    const header = /^#- (\S+)\s*$/.exec(line);
    if (header) {
      flush();
      current = header[1];
      buffer = [];
    } else if (current !== undefined) {
      buffer.push(line);
    }
  }
  flush();
  return files;
}

/** A snapshot built from a fixture text. */
export function fixtureSnapshot(text: string, extra: Parameters<typeof snapshotFromTexts>[1] = {}): RepoSnapshot {
  return snapshotFromTexts(parseFixture(text), extra);
}

/**
 * Renders problems one per line as `file:line:column rule-id message` (1-based line and column,
 * as people read them), sorted, followed by the source line and carets under the span.
 */
export function renderProblems(problems: readonly Problem[], files: Readonly<Record<string, string>>): string {
  const sorted = [...problems].sort(
    (a, b) => a.location.file.localeCompare(b.location.file) || a.location.span.start - b.location.span.start || a.ruleId.localeCompare(b.ruleId),
  );
  const out: string[] = [];
  for (const item of sorted) {
    const text = files[item.location.file];
    if (text === undefined) {
      out.push(`${item.location.file} ${item.ruleId} ${item.message}`);
      continue;
    }
    const index = new LineIndex(text);
    const start = index.position(item.location.span.start);
    out.push(`${item.location.file}:${start.line + 1}:${start.column + 1} ${item.ruleId} ${item.message}`);
    const lineText = text.slice(index.lineStart(start.line), index.lineStart(start.line + 1)).replace(/\r?\n$/, '');
    const end = index.position(Math.max(item.location.span.end, item.location.span.start + 1));
    const caretEnd = end.line === start.line ? end.column : lineText.length;
    out.push(`  | ${lineText}`);
    out.push(`  | ${' '.repeat(start.column)}${'^'.repeat(Math.max(1, caretEnd - start.column))}`);
  }
  return out.join('\n');
}
