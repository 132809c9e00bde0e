// Which node objects' own work read which files: kept from one model build to the next and updated object by object.
import { summaryOf, type IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';

/**
 * Per file, the node objects whose own work (reading, render) read it; per node object, the reads any
 * changed file may alter (searches, derivations, scans). Updated object by object: a build that keeps
 * most node objects with the same reads (kept renders) touches only the others' entries.
 */
export class NodeReadIndex {
  readonly #listsByObject = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  readonly #objectsReadingFile = new Map<string, Set<KubeObject>>();
  readonly #wholeIndexReads = new Map<KubeObject, readonly IndexRead[]>();

  /** Per file read by some node's own work: the node objects whose work read it. */
  get objectsReadingFile(): ReadonlyMap<string, ReadonlySet<KubeObject>> {
    return this.#objectsReadingFile;
  }

  /** Node objects whose own work made reads any changed file may alter, with those reads. */
  get wholeIndexReads(): ReadonlyMap<KubeObject, readonly IndexRead[]> {
    return this.#wholeIndexReads;
  }

  /** Makes this the index of a build whose node objects made `readsByObject`; objects not in it are dropped. */
  update(readsByObject: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>): void {
    for (const [object, lists] of readsByObject) this.replace(object, lists);
    if (this.#listsByObject.size === readsByObject.size) return;
    for (const object of [...this.#listsByObject.keys()]) if (!readsByObject.has(object)) this.#remove(object);
  }

  /** Sets one node object's reads (a build's, or a patch's that redid its work); unchanged reads cost a comparison. */
  replace(object: KubeObject, lists: readonly (readonly IndexRead[])[]): void {
    const current = lists.filter((reads) => reads.length > 0);
    const before = this.#listsByObject.get(object);
    if (before !== undefined && sameReadLists(before, current)) return;
    if (before !== undefined) this.#remove(object);
    this.#add(object, current);
  }

  /** Drops a node object's reads (an object a patch replaced by a new one). */
  forget(object: KubeObject): void {
    this.#remove(object);
  }

  #add(object: KubeObject, lists: readonly (readonly IndexRead[])[]): void {
    this.#listsByObject.set(object, lists);
    let whole: IndexRead[] | undefined;
    for (const reads of lists) {
      const summary = summaryOf(reads);
      for (const path of summary.byPath.keys()) {
        let objects = this.#objectsReadingFile.get(path);
        if (!objects) this.#objectsReadingFile.set(path, (objects = new Set()));
        objects.add(object);
      }
      if (summary.wholeIndex.length > 0) (whole ??= []).push(...summary.wholeIndex);
    }
    if (whole !== undefined) this.#wholeIndexReads.set(object, whole);
  }

  #remove(object: KubeObject): void {
    const lists = this.#listsByObject.get(object);
    if (lists === undefined) return;
    this.#listsByObject.delete(object);
    this.#wholeIndexReads.delete(object);
    for (const reads of lists) {
      for (const path of summaryOf(reads).byPath.keys()) {
        const objects = this.#objectsReadingFile.get(path);
        if (objects === undefined) continue;
        objects.delete(object);
        if (objects.size === 0) this.#objectsReadingFile.delete(path);
      }
    }
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
