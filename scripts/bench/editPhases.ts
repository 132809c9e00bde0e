// Times each phase of the analysis after one-line edits with a kept AnalysisMemo (run by runEditPhases.mjs, used by a test).
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../server/src/analysis/incremental/analysisMemo';
import type { SnapshotFile } from '../../server/src/analysis/snapshot';
import type { Finding } from '../../server/src/analysis/rules/rule';
import { OverlaidFiles } from '../../server/src/analysis/overlaidFiles';
import { placesLookedAtSoFar } from '../../server/src/analysis/model/nodePositions';
import { readRepository } from '../../server/src/host/readRepository';

/** Garbage collection between edits when Node runs with --expose-gc, so each edit pays only for its own garbage. */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/** What {@link measureEditPhases} found. */
export interface EditPhases {
  /** Edits measured (the first one is left out: it warms the memo up). */
  readonly edits: number;
  readonly medianMs: number;
  /** Mean milliseconds per phase, in the order `analyze` runs them. */
  readonly phasesMeanMs: Readonly<Record<string, number>>;
  /** Measured edits after which the model was built again rather than patched. */
  readonly modelBuilds: number;
  /** Memo lookups over the measured edits only: misses are what the edits made the analysis compute again. */
  readonly memo: { readonly renders: Lookups; readonly nodeNeeds: Lookups; readonly nodeProviders: Lookups; readonly nodes: { readonly kept: number; readonly built: number } };
  /**
   * Places of lists the followers of the node list looked at per measured edit (`placesLookedAtSoFar`): the places an
   * edit replaced, or every place of a list whose replaced places were not known.
   */
  readonly placesLookedAtPerEdit: number;
}

interface Lookups {
  readonly hits: number;
  readonly misses: number;
  /** Of the misses, kept values made again by a patch (renders: a kustomization's changed files spliced in). */
  readonly patched?: number;
}

/**
 * What each measured edit does: append a comment line to the file, add a new file beside it (the previous
 * one's going), rename what the file defines first (its first `name:` value takes a suffix), or cut the last
 * character of its first `path:` value and put it back, edit after edit (an Application's source path being typed), or
 * change the value of its last label, edit after edit (in an ApplicationSet's template: every generated Application changes),
 * or set its first sync-wave annotation to 7, then back (an Application moved between waves),
 * or comment out its first list entry naming a file that holds an Application, then put it back (a kustomization leaving
 * an Application out, then listing it again),
 * or add a copy of the file beside it under another name (the previous copy going: an Application written into a new file),
 * or type the file's text into a new file beside it, one more character per edit (an Application typed, keystroke by keystroke).
 */
export type EditKind = 'append' | 'add-file' | 'rename' | 'cut-path' | 'label' | 'wave' | 'toggle-entry' | 'copy' | 'type-new';

/**
 * Analyses the repository once, then edits `file` `edits` times (see {@link EditKind}), each analysis sharing one
 * memo, timing the phases as `analyze` runs them (run Node with --expose-gc so each edit pays only for its own garbage).
 */
export async function measureEditPhases(root: string, file: string, edits: number, kind: EditKind = 'append'): Promise<EditPhases> {
  const original = await readRepository(root);
  const memo = new AnalysisMemo();
  const totals = new Map<string, number>();
  const analysisTimes: number[] = [];
  let modelBuilds = 0;
  let before: EditPhases['memo'] | undefined;
  let lastFindings: readonly Finding[] = [];
  let placesBefore = 0;
  const lookups = (): EditPhases['memo'] => ({ renders: memo.renders.statistics, nodeNeeds: memo.nodeNeeds.statistics, nodeProviders: memo.nodeProviders.statistics, nodes: memo.keptNodes.statistics });
  for (let edit = -1; edit < edits; edit++) {
    // Each edit in a task of its own, as in the language server: V8 keeps a WeakRef's target alive until the task that
    // made it ends, so edits analysed in one task would keep every model they made (~0.3 MB an edit at 2,000 Applications).
    await new Promise((resolve) => setImmediate(resolve));
    if (edit === 1) {
      before = lookups();
      placesBefore = placesLookedAtSoFar();
    }
    // The edited files over the repository's, as the language server holds its open documents (OverlaidFiles).
    const files = new Map<string, SnapshotFile>();
    const entry = original.files.get(file);
    if (edit >= 0 && entry?.kind === 'text') {
      if (kind === 'append') files.set(file, { kind: 'text', text: `${entry.text}\n# edit ${edit}\n` });
      // Odd edits cut the last character, even ones put it back: each one renders another folder than the one before.
      else if (kind === 'cut-path') files.set(file, edit % 2 === 0 ? entry : { kind: 'text', text: entry.text.replace(/(\bpath:\s*)(\S+)/, (_match, key: string, value: string) => `${key}${value.slice(0, -1)}`) });
      else if (kind === 'label') files.set(file, { kind: 'text', text: entry.text.replace(/(\n(\s+)labels:\n(?:\2\s+.*\n)*?\2\s+[\w./-]+: )([^\n]+)/g, `$1$3-e${edit}`) });
      // Even edits move it to wave 7, odd ones put the file back as it was.
      else if (kind === 'wave') files.set(file, edit % 2 === 0 ? { kind: 'text', text: entry.text.replace(/(sync-wave:\s*["']?)-?\d+/, (_match, key: string) => `${key}7`) } : entry);
      // Even edits comment out the first entry naming a file that holds an Application, odd ones put the file back as it was.
      else if (kind === 'toggle-entry') files.set(file, edit % 2 === 0 ? { kind: 'text', text: withApplicationEntryCommented(entry.text, file, original.files) } : entry);
      else if (kind === 'copy') files.set(`${file.slice(0, file.lastIndexOf('/') + 1)}copy-${edit % 2}.yaml`, { kind: 'text', text: entry.text.replace(/(\bname:\s*)(\S+)/, `$1$2-copy-${edit}`) });
      else if (kind === 'type-new') files.set(`${file.slice(0, file.lastIndexOf('/') + 1)}typed.yaml`, { kind: 'text', text: entry.text.slice(0, edit + 1) });
      else if (kind === 'rename') files.set(file, { kind: 'text', text: entry.text.replace(/(\bname:\s*)(\S+)/, `$1$2-e${edit}`) });
      else files.set(`${file.slice(0, file.lastIndexOf('/') + 1)}added-${edit % 2}.yaml`, { kind: 'text', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: added-${edit}\n` });
    }
    const snapshot = { ...original, files: new OverlaidFiles(original.files, files) };
    collectGarbage?.();
    const phases: [string, number][] = [];
    let last = performance.now();
    const lap = (name: string): void => {
      const now = performance.now();
      phases.push([name, now - last]);
      last = now;
    };
    // The analysis itself, timed phase by phase as it runs them.
    const analysis = analyze(snapshot, { memo, onPhase: lap });
    // The positions of the findings that are new objects, as the language server's publisher converts them (the
    // very same list, or the same finding objects, keep their diagnostics).
    if (analysis.findings !== lastFindings) {
      const seen = new Set(lastFindings);
      for (const finding of analysis.findings) if (!seen.has(finding)) void finding.location.span.start;
      lastFindings = analysis.findings;
    }
    lap('finding positions');
    if (edit >= 1) {
      if (!memo.modelPatched) modelBuilds++;
      for (const [name, milliseconds] of phases) totals.set(name, (totals.get(name) ?? 0) + milliseconds);
      analysisTimes.push(phases.reduce((sum, [, milliseconds]) => sum + milliseconds, 0));
    }
  }
  const measured = Math.max(1, edits - 1);
  const sorted = [...analysisTimes].sort((a, b) => a - b);
  const after = lookups();
  const since = (name: 'renders' | 'nodeNeeds' | 'nodeProviders'): Lookups => {
    const patched = after[name].patched;
    return {
      hits: after[name].hits - (before?.[name].hits ?? 0),
      misses: after[name].misses - (before?.[name].misses ?? 0),
      ...(patched === undefined ? {} : { patched: patched - (before?.[name].patched ?? 0) }),
    };
  };
  return {
    edits: measured,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    modelBuilds,
    phasesMeanMs: Object.fromEntries([...totals].map(([name, total]) => [name, Math.round((total / measured) * 100) / 100])),
    memo: { renders: since('renders'), nodeNeeds: since('nodeNeeds'), nodeProviders: since('nodeProviders'), nodes: { kept: after.nodes.kept - (before?.nodes.kept ?? 0), built: after.nodes.built - (before?.nodes.built ?? 0) } },
    placesLookedAtPerEdit: Math.round((placesLookedAtSoFar() - placesBefore) / measured),
  };
}

/** A kustomization's text with its first `- entry` naming a file beside it that holds an Application commented out. */
function withApplicationEntryCommented(text: string, kustomizationPath: string, files: ReadonlyMap<string, SnapshotFile>): string {
  const folder = kustomizationPath.slice(0, kustomizationPath.lastIndexOf('/') + 1);
  const lines = text.split('\n');
  const position = lines.findIndex((line) => {
    const name = /^ *- (\S+)$/.exec(line)?.[1];
    const target = name === undefined ? undefined : files.get(`${folder}${name}`);
    return target?.kind === 'text' && /^kind: Application$/m.test(target.text);
  });
  if (position < 0) return text;
  lines[position] = (lines[position] as string).replace(/^( *)- /, '$1# - ');
  return lines.join('\n');
}
