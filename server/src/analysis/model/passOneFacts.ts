// What pass 1 of a model build decides from every Application's render (roots, orphans, kustomizations nobody renders), kept so a patch can follow an edited render.
import type { IndexRead } from '../incremental/indexReads';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { kustomizationFiles } from '../argo/kustomizationFiles';
import { filesReadBy } from './patchNodes';
import { renderApplicationFolder, type ApplicationRender, type RenderContext } from './renderApplication';
import { chooseRootsAndOrphans, type CreationFacts, type RootsAndOrphans } from './rootsAndOrphans';
import { sameList } from '../incremental/indexReads';
import type { LayeredCounts } from '../incremental/layeredCounts';

/** Pass 1's facts and decisions, as a build leaves them for its patches. */
export interface PassOneFacts extends CreationFacts {
  /** How many of pass 1's renders read each file. */
  readonly filesRead: LayeredCounts;
  readonly decision: RootsAndOrphans;
  /** The problems of each kustomization no Application renders (by its folder), in the order the build found them. */
  readonly unrendered: ReadonlyMap<string, readonly Problem[]>;
  /** Where those problems sit among the build's own problems: from `start`, `count` of them. */
  readonly unrenderedAt: { readonly start: number; readonly count: number };
}

/** What pass 1 counts of a renderer's renders: the folders they render and the files they read (with repeats). */
export interface RenderShape {
  readonly renderedFolders: readonly string[];
  readonly filesRead: readonly string[];
}

/** The shape of renders one renderer made (an Application's one render, or the renders of a set's generated Applications). */
export function shapeOf(renders: readonly ApplicationRender[]): RenderShape {
  if (renders.length === 1) return { renderedFolders: (renders[0] as ApplicationRender).renderedFolders, filesRead: filesReadBy(renders[0] as ApplicationRender) };
  return { renderedFolders: renders.flatMap((render) => render.renderedFolders), filesRead: renders.flatMap(filesReadBy) };
}

/** A renderer's pass-1 renders, before and after, by its origin key (an edited written Application, a set generating otherwise). */
export interface RenderChange {
  readonly key: string;
  readonly before: RenderShape;
  readonly after: RenderShape;
}

/** Pass 1's facts after some renders changed, the build's own problems with them, and what working them out read. */
export interface FollowedPassOne {
  readonly facts: PassOneFacts;
  readonly ownProblems: readonly Problem[];
  readonly reads: readonly IndexRead[];
}

/** Every kustomization's file and folder (a derivation of the index: kept while equal, whatever the files say). */
function kustomizationPlaces(index: RepoIndex): readonly { readonly file: string; readonly directory: string }[] {
  return index.derived('model/kustomization-places', (current) => kustomizationFiles(current).map(({ file, directory }) => ({ file, directory })));
}

/** Counts the files each render reads. */
export function countFilesRead(renders: Iterable<ApplicationRender>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const render of renders) for (const file of filesReadBy(render)) counts.set(file, (counts.get(file) ?? 0) + 1);
  return counts;
}

/**
 * The kustomizations no Application renders (their folder is not rendered and no render reads the file), in
 * kustomization order. Every kustomization is checked, even one no Application renders (an overlay for another
 * cluster): there a failing build breaks no sync this repository shows, so findings are at most warnings.
 */
export function unrenderedKustomizationFolders(index: RepoIndex, renderedFolders: ReadonlyMap<string, unknown>, isFileRead: (file: string) => boolean): string[] {
  const folders: string[] = [];
  // Where the kustomizations are, not what they say: an edit of a rendered kustomization leaves this read alike.
  for (const kustomization of kustomizationPlaces(index)) {
    if (renderedFolders.has(kustomization.directory) || isFileRead(kustomization.file)) continue;
    folders.push(kustomization.directory);
  }
  return folders;
}

/** The problems of rendering a kustomization folder no Application renders, capped at warning. */
export function unrenderedKustomizationProblems(context: RenderContext, directory: string): Problem[] {
  return renderApplicationFolder(context, directory).problems.map((item) => ({
    ...item,
    message: `${item.message} (No Application of this repository renders ${directory || 'the root folder'}.)`,
    severityCap: 'warning' as const,
  }));
}

/**
 * Pass 1's facts after the renders of some written Applications (or of a written set's generated
 * Applications) changed what they render or which kustomizations they read: the folders rendered and files
 * read follow, roots and orphans must be decided alike (undefined otherwise: only a build can tell) but for
 * the candidates `candidatesChange` names (written Applications that came or went, or that a render now creates
 * or no more creates: then its creators are the new ones), kustomizations nobody renders any more lose their
 * problems and those nobody renders now get theirs.
 */
export function followRenderChanges(
  facts: PassOneFacts,
  changes: readonly RenderChange[],
  ownProblems: readonly Problem[],
  context: RenderContext,
  candidatesChange?: CandidatesChange,
): FollowedPassOne | undefined {
  const renderedFolders = new Map(facts.renderedFolders);
  const deltas = new Map<string, number>();
  for (const { key, before, after } of changes) {
    for (const folder of before.renderedFolders) {
      const renderers = new Set(renderedFolders.get(folder));
      renderers.delete(key);
      if (renderers.size === 0) renderedFolders.delete(folder);
      else renderedFolders.set(folder, renderers);
    }
    for (const folder of after.renderedFolders) renderedFolders.set(folder, new Set(renderedFolders.get(folder)).add(key));
    for (const file of before.filesRead) deltas.set(file, (deltas.get(file) ?? 0) - 1);
    for (const file of after.filesRead) deltas.set(file, (deltas.get(file) ?? 0) + 1);
  }
  const filesRead = facts.filesRead.plus(deltas);
  const candidates = candidatesChange?.candidates ?? facts.candidates;
  const creators = candidatesChange?.creators ?? facts.creators;
  const decision = chooseRootsAndOrphans({ candidates, creators, renderedFolders });
  if (!sameDecision(decision, facts.decision, candidatesChange?.changedKeys ?? NO_KEYS)) return undefined;

  const { index } = context;
  const folders = unrenderedKustomizationFolders(index, renderedFolders, (file) => filesRead.has(file));
  const unrendered = new Map<string, readonly Problem[]>();
  const { value: problems, reads } = index.recordReads(() => {
    const list: Problem[] = [];
    for (const folder of folders) {
      const found = facts.unrendered.get(folder) ?? unrenderedKustomizationProblems(context, folder);
      unrendered.set(folder, found);
      list.push(...found);
    }
    return list;
  });
  const { start, count } = facts.unrenderedAt;
  const own = [...ownProblems.slice(0, start), ...problems, ...ownProblems.slice(start + count)];
  return {
    facts: { ...facts, candidates, creators, renderedFolders, filesRead, decision, unrendered, unrenderedAt: { start, count: problems.length } },
    ownProblems: own,
    reads,
  };
}

/**
 * Written Applications that came or went (they create nothing), or that some Application now creates or no more
 * creates: the candidates and creators after, and the keys of those (the decision may differ for them alone).
 */
export interface CandidatesChange {
  readonly candidates: CreationFacts['candidates'];
  readonly changedKeys: ReadonlySet<string>;
  readonly creators?: CreationFacts['creators'];
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** True when two decisions are the same but for `changedKeys` (candidates that came or went may be roots or orphans). */
function sameDecision(a: RootsAndOrphans, b: RootsAndOrphans, changedKeys: ReadonlySet<string>): boolean {
  const kept = (keys: readonly string[]): readonly string[] => (changedKeys.size === 0 ? keys : keys.filter((key) => !changedKeys.has(key)));
  if (!sameList(kept(a.rootKeys), kept(b.rootKeys))) return false;
  for (const [key, folder] of a.orphans) if (!changedKeys.has(key) && b.orphans.get(key) !== folder) return false;
  for (const key of b.orphans.keys()) if (!changedKeys.has(key) && !a.orphans.has(key)) return false;
  return true;
}
