// Keys naming what a computation reads from a model node (its inputs, its place in the model), so results can be kept per node.
import type { AppNode, RepositoryModel } from '../model/types';

/** Serials of objects met so far (kept objects keep theirs, so equal serials mean the same object). */
const serials = new WeakMap<object, number>();
let nextSerial = 1;

/** A number standing for an object's identity (0 for none): equal serials, the same object. */
export function serialOf(value: object | undefined): number {
  if (value === undefined) return 0;
  let serial = serials.get(value);
  if (serial === undefined) serials.set(value, (serial = nextSerial++));
  return serial;
}

/**
 * The identity of a node's inputs to needs and providers: its id, kind and destination, and the
 * very objects of its manifest, Application reading and renders. Kept renders and readings keep
 * their objects across analyses, so an untouched node has the same key; files the collection reads
 * beyond these (values files) are checked by the memo that uses the key.
 */
export function nodeInputsKey(node: AppNode): string {
  let key = inputKeys.get(node);
  if (key === undefined) inputKeys.set(node, (key = computeNodeInputsKey(node)));
  return key;
}

/** Kept nodes keep their keys (a node's fields never change once the model is built). */
const inputKeys = new WeakMap<AppNode, string>();

function computeNodeInputsKey(node: AppNode): string {
  const renders = node.renders.map(serialOf).join(',');
  return `${node.id}\u0000${node.kind}\u0000${node.name}\u0000${node.destinationNamespace ?? ''}\u0000${serialOf(node.object)}\u0000${serialOf(node.application)}\u0000${renders}`;
}

const checkKeys = new WeakMap<AppNode, string>();

/**
 * What a per-node check may read of a node (see `keptPerNode`): its inputs ({@link nodeInputsKey}), its wave
 * and ordering, the set that generated it, and its children (ids, objects, and whether it is their parent).
 * Built once per node object: a kept node's children are kept nodes (see `KeptNodes`).
 */
export function nodeCheckKey(node: AppNode, model: RepositoryModel): string {
  let key = checkKeys.get(node);
  if (key === undefined) {
    const children = node.childIds.map((id) => {
      const child = model.nodesById.get(id);
      return `${id}:${serialOf(child?.object)}:${child?.ordering.parentId ?? ''}`;
    });
    key = `${nodeInputsKey(node)}\u0000${node.wave.wave}\u0000${node.ordering.gating}\u0000${node.ordering.parentId ?? ''}\u0000${node.generatedById ?? ''}\u0000${children.join(',')}`;
    checkKeys.set(node, key);
  }
  return key;
}
