// A key naming everything the dependency collection reads from a model node, so its results can be kept per node.
import type { AppNode } from '../model/types';

/** Serials of objects met so far (kept objects keep theirs, so equal serials mean the same object). */
const serials = new WeakMap<object, number>();
let nextSerial = 1;

function serialOf(value: object | undefined): number {
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
  const renders = node.renders.map(serialOf).join(',');
  return `${node.id}\u0000${node.kind}\u0000${node.name}\u0000${node.destinationNamespace ?? ''}\u0000${serialOf(node.object)}\u0000${serialOf(node.application)}\u0000${renders}`;
}
