// Decides which never-created Applications are roots (applied by hand) and which are orphans (forgotten files).
import { dirname, relativeRepoPath } from '../text/repoPath';

/** What the decision needs: each candidate's key and file, who creates whom, and the folders Applications render. */
export interface CreationFacts {
  readonly candidates: readonly { readonly key: string; readonly file: string }[];
  /** Creator keys of each created object key. */
  readonly creators: ReadonlyMap<string, ReadonlySet<string>>;
  /** Rendered folder → keys of what renders it. */
  readonly renderedFolders: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The decision: orphans (with the rendered folder that leaves them out) and roots, in candidate order. */
export interface RootsAndOrphans {
  readonly rootKeys: readonly string[];
  /** Orphan key → the rendered folder it sits in. */
  readonly orphans: ReadonlyMap<string, string>;
}

/**
 * An Application that nothing creates is either a root (applied by hand at bootstrap) or an orphan:
 * a file left out of the source that renders its folder. Both readings are possible when such a
 * file sits in a rendered folder, and repositories use both (a self-managing `argocd` Application
 * forgotten in `apps/`, or a `root.yaml` applied by hand next to the argo-cd kustomization).
 *
 * Start with every such file as an orphan, then turn each back into a root when that lowers the
 * number of roots: a forgotten file creates nothing that lacks another way in, while a real root
 * is the only way in for everything below it.
 */
export function chooseRootsAndOrphans(facts: CreationFacts): RootsAndOrphans {
  const orphanCandidates = new Map<string, string>();
  for (const candidate of facts.candidates) {
    if (facts.creators.has(candidate.key)) continue;
    const folder = dirname(candidate.file);
    // The deepest folder holding the file that something other than the file itself renders.
    const renderingFolder = [...facts.renderedFolders]
      .filter(([rendered, renderers]) => relativeRepoPath(rendered, folder) !== undefined && [...renderers].some((renderer) => renderer !== candidate.key))
      .map(([rendered]) => rendered)
      .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
    if (renderingFolder !== undefined) orphanCandidates.set(candidate.key, renderingFolder);
  }
  const orphans = new Map(orphanCandidates);
  for (const key of [...orphanCandidates.keys()].sort()) {
    const withOrphan = rootsGiven(facts, orphans).length;
    const folder = orphans.get(key)!;
    orphans.delete(key);
    if (rootsGiven(facts, orphans).length >= withOrphan) orphans.set(key, folder);
  }
  return { rootKeys: rootsGiven(facts, orphans), orphans };
}

/** Candidates that are not orphans and whose creators are all orphans. */
function rootsGiven(facts: CreationFacts, orphans: ReadonlyMap<string, string>): string[] {
  return facts.candidates
    .filter((candidate) => !orphans.has(candidate.key))
    .filter((candidate) => [...(facts.creators.get(candidate.key) ?? [])].every((creator) => orphans.has(creator)))
    .map((candidate) => candidate.key);
}
