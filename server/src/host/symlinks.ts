// Decides what a symbolic link met during the walk is: a file or folder inside the repository, an escape, a loop, or broken.
import path from 'node:path';
import { errorCode, type EntryStats, type RepositoryFileSystem } from './fileSystem';
import { isInsideRoot, relativeToRoot, targetLeavesRoot } from './containment';

/** Most links followed one after another before giving up, as Argo CD does (R2). */
export const MAX_LINK_HOPS = 10;

/** The longest link text quoted in a message. */
const MAX_QUOTED_TARGET = 120;

/** What a symbolic link resolves to, as far as the walk is concerned. */
export type LinkResolution =
  | { readonly kind: 'file'; readonly realPath: string; readonly stats: EntryStats }
  | { readonly kind: 'folder'; readonly realPath: string }
  /** The target leaves the repository; `detail` quotes the link text only, never a resolved outside path (R6). */
  | { readonly kind: 'escape'; readonly detail: string }
  | { readonly kind: 'loop'; readonly detail: string }
  /** The target does not exist, or could not be inspected. */
  | { readonly kind: 'broken'; readonly detail: string }
  /** A socket, device or other entry that is neither file nor folder. */
  | { readonly kind: 'other' };

/**
 * Resolves the link at `linkPath` (absolute, inside the real folder `linkFolderRealPath`) against
 * the repository's real root. Absolute targets are refused outright (R5), relative targets are
 * walked segment by segment so they never step above the root (R5), chains are limited to
 * {@link MAX_LINK_HOPS} (R2), and the final real path must be inside the root (R3).
 */
export async function resolveLink(
  linkPath: string,
  linkFolderRealPath: string,
  rootRealPath: string,
  fileSystem: RepositoryFileSystem,
): Promise<LinkResolution> {
  let target: string;
  try {
    target = await fileSystem.readLink(linkPath);
  } catch (error) {
    return { kind: 'broken', detail: `the link could not be read (${errorCode(error) ?? 'unknown error'})` };
  }
  const quoted = quoteTarget(target);
  if (path.isAbsolute(target)) return { kind: 'escape', detail: `its target ${quoted} is an absolute path` };
  if (targetLeavesRoot(relativeToRoot(linkFolderRealPath, rootRealPath), target)) {
    return { kind: 'escape', detail: `its target ${quoted} leads out of the repository` };
  }
  let realPath: string;
  try {
    realPath = await fileSystem.realPath(linkPath);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ELOOP') return { kind: 'loop', detail: `its target ${quoted} leads back to itself through links` };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'broken', detail: `its target ${quoted} does not exist` };
    return { kind: 'broken', detail: `its target ${quoted} could not be resolved (${code ?? 'unknown error'})` };
  }
  const hops = await countLinkHops(linkPath, fileSystem);
  if (hops > MAX_LINK_HOPS) return { kind: 'loop', detail: `its target ${quoted} starts a chain of more than ${MAX_LINK_HOPS} links` };
  // Only reachable through another link that escapes; that link is reported on its own too.
  if (!isInsideRoot(realPath, rootRealPath)) return { kind: 'escape', detail: `its target ${quoted} resolves outside the repository through another link` };
  let stats: EntryStats;
  try {
    stats = await fileSystem.stat(realPath);
  } catch (error) {
    return { kind: 'broken', detail: `its target ${quoted} could not be inspected (${errorCode(error) ?? 'unknown error'})` };
  }
  if (stats.isDirectory()) return { kind: 'folder', realPath };
  if (stats.isFile()) return { kind: 'file', realPath, stats };
  return { kind: 'other' };
}

/** How many links are followed from `linkPath` before reaching a non-link (stops counting past the limit). */
async function countLinkHops(linkPath: string, fileSystem: RepositoryFileSystem): Promise<number> {
  let current = linkPath;
  let hops = 0;
  while (hops <= MAX_LINK_HOPS) {
    const stats = await fileSystem.lstat(current).catch(() => undefined);
    if (!stats?.isSymbolicLink()) return hops;
    hops++;
    const next = await fileSystem.readLink(current).catch(() => undefined);
    if (next === undefined) return hops;
    current = path.resolve(path.dirname(current), next);
  }
  return hops;
}

function quoteTarget(target: string): string {
  const shown = target.length > MAX_QUOTED_TARGET ? `${target.slice(0, MAX_QUOTED_TARGET)}…` : target;
  return JSON.stringify(shown);
}
