// Which nodes are written in which file: a build makes the index, a patch moves the ids it changed.
import type { AppNode } from './types';

/** Node ids by the file of each node's origin (where a person edits it), in model order. */
export type NodeIdsByFile = ReadonlyMap<string, readonly string[]>;

/** The index of a build's nodes. */
export function nodeIdsByFileOf(nodes: readonly AppNode[]): NodeIdsByFile {
  const byFile = new Map<string, string[]>();
  for (const node of nodes) {
    const ids = byFile.get(node.origin.file);
    if (ids) ids.push(node.id);
    else byFile.set(node.origin.file, [node.id]);
  }
  return byFile;
}

/**
 * Once a patch holds: the index (the record's, which the patch updates) follows the nodes that went and the nodes that
 * came or are written in another file than the node of their id was (`before`: the previous model's nodes by id).
 */
export function followNodeFiles(index: NodeIdsByFile, before: ReadonlyMap<string, AppNode>, replaced: ReadonlyMap<string, AppNode>, removedIds: ReadonlySet<string>): void {
  const byFile = index as Map<string, readonly string[]>;
  const leave = (node: AppNode): void => {
    const ids = (byFile.get(node.origin.file) ?? []).filter((id) => id !== node.id);
    if (ids.length > 0) byFile.set(node.origin.file, ids);
    else byFile.delete(node.origin.file);
  };
  for (const id of removedIds) {
    const previous = before.get(id);
    if (previous !== undefined) leave(previous);
  }
  for (const [id, node] of replaced) {
    const previous = before.get(id);
    if (previous?.origin.file === node.origin.file) continue;
    if (previous !== undefined) leave(previous);
    byFile.set(node.origin.file, [...(byFile.get(node.origin.file) ?? []), id]);
  }
}
