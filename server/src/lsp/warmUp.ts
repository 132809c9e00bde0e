// Edits the language server analyses and throws away right after a folder's first analysis, so the user's first edits run warm.
import { nodesInSyncOrder } from '../analysis/model/syncOrder';
import type { RepositoryModel } from '../analysis/model/types';
import { OverlaidFiles } from '../analysis/overlaidFiles';
import type { RepoSnapshot, SnapshotFile } from '../analysis/snapshot';

/**
 * How many times each warm-up file is edited. V8 optimises the code that runs once per analysis only after
 * several analyses: at 2,000 Applications, in process, the first three edits after 2 rounds took 40–59 ms
 * against 19–32 ms after 8 (later edits ~20 ms either way); over the protocol the 50-edit p95 went from 44–45
 * to 35–38 ms (`npm run bench`, README Performance). The scheduler stops earlier past its time budget.
 */
export const WARM_UP_ROUNDS = 8;

/** Kinds the model holds as nodes or projects: their files are not "a resource file" of an Application. */
const ARGO_KINDS = new Set(['Application', 'ApplicationSet', 'AppProject']);

/**
 * Snapshots that differ from `snapshot` by one comment line appended to one file, to be analysed with the
 * folder's memo right after its first analysis and then discarded (the snapshot itself is analysed once
 * more afterwards, so the memo follows it again). The first edits after indexing otherwise pay for what
 * the incremental paths build once (read summaries, per-node indexes) and for running code V8 has not
 * compiled yet: at 2,000 Applications, ~100–160 ms for the first edit against ~30 ms later (README
 * Performance). The files are those of the two most common edits: a manifest an ordered leaf Application
 * deploys, and the file of an ordered leaf Application written in the repository. Empty when the model
 * has neither (small repositories need no warming).
 */
export function warmUpSnapshots(snapshot: RepoSnapshot, model: RepositoryModel, rounds: number = WARM_UP_ROUNDS): RepoSnapshot[] {
  const files = [resourceFileOfALeaf(model), writtenLeafFile(model)].filter((file): file is string => file !== undefined);
  const snapshots: RepoSnapshot[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const file of files) {
      const entry = snapshot.files.get(file);
      if (entry?.kind !== 'text') continue;
      snapshots.push(withReplacement(snapshot, file, { kind: 'text', text: `${entry.text}\n# gitops-waves warm-up ${round}\n` }));
    }
  }
  return snapshots;
}

/** An Application ordered by a parent that creates no Application itself: where most edits land. */
function isOrderedLeaf(node: RepositoryModel['nodes'][number]): boolean {
  return node.kind === 'Application' && node.childIds.length === 0 && node.ordering.parentId !== undefined;
}

/** The first ordered leaf's first manifest, in sync order (the leaves a sync creates first). */
function resourceFileOfALeaf(model: RepositoryModel): string | undefined {
  for (const node of nodesInSyncOrder(model)) {
    if (!isOrderedLeaf(node)) continue;
    const resource = node.resources.find(({ object }) => object.origin.path.length === 0 && !ARGO_KINDS.has(object.kind));
    if (resource) return resource.object.origin.file;
  }
  return undefined;
}

function writtenLeafFile(model: RepositoryModel): string | undefined {
  return nodesInSyncOrder(model).find((node) => isOrderedLeaf(node) && node.generatedById === undefined && node.object.origin.path.length === 0)?.object.origin.file;
}

/** The snapshot with one file replaced; over the same base as the snapshot's overlay, so the memo diffs only replacements. */
function withReplacement(snapshot: RepoSnapshot, path: string, file: SnapshotFile): RepoSnapshot {
  const current = snapshot.files;
  const files =
    current instanceof OverlaidFiles ? new OverlaidFiles(current.base, new Map([...current.replacements, [path, file]])) : new OverlaidFiles(current, new Map([[path, file]]));
  return { ...snapshot, files };
}
