// Which node objects' own work read which files and folders: kept from one model build to the next and updated object by object.
import type { IndexRead } from '../incremental/indexReads';
import { ReadersIndex } from '../incremental/readersIndex';
import type { RepoIndex } from '../repoIndex';
import type { KubeObject } from '../kube/kubeObject';

/**
 * Which node objects' own work (reading, render) read what (see `ReadersIndex`), kept from one model
 * build to the next and updated object by object: a build that keeps most node objects with the same
 * reads (kept renders) touches only the others' entries.
 */
export class NodeReadIndex {
  readonly #readers = new ReadersIndex<KubeObject>();

  /** Makes this the index of a build whose node objects made `readsByObject`; objects not in it are dropped. */
  update(readsByObject: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>): void {
    for (const [object, lists] of readsByObject) this.replace(object, lists);
    if (this.#readers.size === readsByObject.size) return;
    for (const object of [...this.#readers.keys()]) if (!readsByObject.has(object)) this.forget(object);
  }

  /** Sets one node object's reads (a build's, or a patch's that redid its work); unchanged reads cost a comparison. */
  replace(object: KubeObject, lists: readonly (readonly IndexRead[])[]): void {
    const current = lists.filter((reads) => reads.length > 0);
    const before = this.#readers.listsOf(object);
    if (before !== undefined && sameReadLists(before, current)) return;
    if (before !== undefined) this.forget(object);
    this.#readers.add(object, current);
  }

  /** A node object's reads, as last set. */
  readsOf(object: KubeObject): readonly (readonly IndexRead[])[] | undefined {
    return this.#readers.listsOf(object);
  }

  /** Drops a node object's reads (an object a patch replaced by a new one). */
  forget(object: KubeObject): void {
    this.#readers.remove(object);
  }

  /**
   * The node objects whose own work may answer differently in `index` than in the index whose serial is
   * `since` (see `ReadersIndex.touched`); undefined when only a full build can tell.
   */
  objectsTouched(index: RepoIndex, since: number): Set<KubeObject> | undefined {
    const touched = new Set<KubeObject>();
    return this.#readers.touched(index, since, touched) ? touched : undefined;
  }
}

/** True when two lists of read lists ask the same questions and got the same answers (by identity), in order. */
function sameReadLists(a: readonly (readonly IndexRead[])[], b: readonly (readonly IndexRead[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let position = 0; position < a.length; position++) {
    const left = a[position] as readonly IndexRead[];
    const right = b[position] as readonly IndexRead[];
    if (left === right) continue;
    if (left.length !== right.length) return false;
    for (let item = 0; item < left.length; item++) {
      const before = left[item] as IndexRead;
      const after = right[item] as IndexRead;
      if (before !== after && (before.kind !== after.kind || before.path !== after.path || before.answer !== after.answer)) return false;
    }
  }
  return true;
}
