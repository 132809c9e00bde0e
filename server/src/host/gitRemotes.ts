// Finds the git repository enclosing a folder and reads its remote URLs from `.git/config`.
import path from 'node:path';
import type { RepositoryFileSystem } from './fileSystem';
import { remoteUrlsFromGitConfig } from './gitConfig';

/** Git metadata files are tiny; anything bigger is not a real one and is not read. */
const MAX_GIT_METADATA_BYTES = 1024 * 1024;

/**
 * Returns the remote URLs of the git repository holding `folder` (an absolute path): the folder
 * itself or its nearest ancestor with a `.git`. A `.git` file (`gitdir: …`, used by worktrees and
 * submodules) is followed, and a worktree's `commondir` leads to the shared config. Best-effort:
 * anything missing or unreadable gives `[]`; it never throws.
 */
export async function findGitRemoteUrls(folder: string, fileSystem: RepositoryFileSystem): Promise<string[]> {
  try {
    const gitDirectory = await findGitDirectory(folder, fileSystem);
    if (gitDirectory === undefined) return [];
    const commonDirectory = await readSmallText(path.join(gitDirectory, 'commondir'), fileSystem);
    const configDirectory = commonDirectory?.trim() ? path.resolve(gitDirectory, commonDirectory.trim()) : gitDirectory;
    const config = await readSmallText(path.join(configDirectory, 'config'), fileSystem);
    return config === undefined ? [] : remoteUrlsFromGitConfig(config);
  } catch {
    return [];
  }
}

/** The nearest `.git` folder at or above `folder`, following a `.git` file's `gitdir:` line. */
async function findGitDirectory(folder: string, fileSystem: RepositoryFileSystem): Promise<string | undefined> {
  let current = folder;
  for (;;) {
    const candidate = path.join(current, '.git');
    const stats = await fileSystem.stat(candidate).catch(() => undefined);
    if (stats?.isDirectory()) return candidate;
    if (stats?.isFile()) {
      const text = await readSmallText(candidate, fileSystem);
      const gitdir = /^gitdir:[ \t]*(.+?)[ \t]*$/m.exec(text ?? '')?.[1];
      // A `.git` file that names no folder ends the search: it is this checkout's, even if broken.
      return gitdir === undefined ? undefined : path.resolve(current, gitdir);
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A small file's text, or undefined when it is missing, unreadable or implausibly large. */
async function readSmallText(file: string, fileSystem: RepositoryFileSystem): Promise<string | undefined> {
  try {
    const stats = await fileSystem.stat(file);
    if (!stats.isFile() || stats.size > MAX_GIT_METADATA_BYTES) return undefined;
    return new TextDecoder('utf-8').decode(await fileSystem.readFile(file));
  } catch {
    return undefined;
  }
}
