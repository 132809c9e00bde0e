// Walks a repository folder level by level: lists files and folders, applies the skip and symlink rules, reads YAML files.
import path from 'node:path';
import type { SnapshotFile, WalkProblem } from '../analysis/snapshot';
import { fileLocation } from '../analysis/text/span';
import { relativeToRoot } from './containment';
import { errorCode, type EntryStats, type FolderEntry, type RepositoryFileSystem } from './fileSystem';
import { readSnapshotFile } from './readSnapshotFile';
import { resolveLink } from './symlinks';

/** Files whose text the analysis reads (YAML, JSON and the extensionless `Kustomization`); every other file is only listed. */
export const READ_FILE_NAME = /(\.(ya?ml|json)|(^|\/)Kustomization)$/i;
/** Files left out of the snapshot entirely (packaged charts). */
export const IGNORED_FILE_NAME = /\.tgz$/i;

/** Limits and dependencies of one walk. */
export interface WalkSettings {
  readonly rootRealPath: string;
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  /** Already wrapped in a concurrency limiter. */
  readonly fileSystem: RepositoryFileSystem;
  /**
   * Walk only this folder (a repository path, reached from the root without folder links) and what is under
   * it; the whole repository by default.
   */
  readonly startFolder?: string;
}

/** What the walk found, sorted by path. */
export interface WalkResult {
  readonly files: ReadonlyMap<string, SnapshotFile>;
  readonly directories: ReadonlySet<string>;
  readonly walkProblems: readonly WalkProblem[];
}

/** A folder to list: its path in the snapshot, where it really is, and the real folders enclosing it. */
interface FolderToWalk {
  readonly path: string;
  readonly realPath: string;
  /** Real paths from the root down to this folder, for loop detection through folder links. */
  readonly chain: readonly string[];
}

/** A file found by a listing, not yet read. */
interface FoundFile {
  readonly path: string;
  readonly realPath: string;
  readonly stats: EntryStats | undefined;
  /** Set when the entry is already decided (a broken link named like a YAML file). */
  readonly decided: SnapshotFile | undefined;
}

/** The outcome of listing one folder. */
interface FolderListing {
  readonly files: FoundFile[];
  readonly folders: FolderToWalk[];
  readonly problems: WalkProblem[];
}

/**
 * Walks the whole repository (or one folder of it, see `startFolder`). Folders are listed breadth-first, one level at a time (listings of a
 * level run concurrently), and results are merged in a fixed order, so the `maxFiles` cap keeps the
 * same files on every run. YAML reads start as soon as a file is accepted.
 */
export async function walkRepository(settings: WalkSettings): Promise<WalkResult> {
  const files = new Map<string, SnapshotFile>();
  const directories: string[] = [];
  const problems: WalkProblem[] = [];
  const reportedLinks = new Set<string>();
  const reads: Promise<void>[] = [];
  let level: FolderToWalk[] = [startOf(settings)];
  let capped = false;
  while (level.length > 0 && !capped) {
    for (const folder of level) directories.push(folder.path);
    const listings = await Promise.all(level.map((folder) => listFolder(folder, settings)));
    const nextLevel: FolderToWalk[] = [];
    for (const listing of listings) {
      for (const found of listing.problems) {
        // A link reached along several paths (through a folder link) is reported once, where it really is.
        const key = `${found.kind}\u0000${found.location.file}`;
        if (reportedLinks.has(key)) continue;
        reportedLinks.add(key);
        problems.push(found);
      }
      for (const file of listing.files) {
        if (files.size >= settings.maxFiles) {
          capped = true;
          problems.push(capProblem(file.path, `more than ${settings.maxFiles} files; this file and the rest were not listed`));
          break;
        }
        acceptFile(file, files, reads, settings);
      }
      if (capped) break;
      for (const folder of listing.folders) {
        if (directories.length + nextLevel.length >= settings.maxFiles) {
          capped = true;
          problems.push(capProblem(folder.path, `more than ${settings.maxFiles} folders; this folder and the rest were not walked`));
          break;
        }
        nextLevel.push(folder);
      }
      if (capped) break;
    }
    level = nextLevel;
  }
  await Promise.all(reads);
  return {
    files: new Map([...files.entries()].sort(([a], [b]) => compareText(a, b))),
    directories: new Set(directories.sort(compareText)),
    walkProblems: problems.sort((a, b) => compareText(a.location.file, b.location.file) || compareText(a.kind, b.kind)),
  };
}

/** The first folder to list: the root, or the start folder with the real folders enclosing it. */
function startOf(settings: WalkSettings): FolderToWalk {
  const chain = [settings.rootRealPath];
  const start = settings.startFolder ?? '';
  if (start === '') return { path: '', realPath: settings.rootRealPath, chain };
  let realPath = settings.rootRealPath;
  for (const segment of start.split('/')) {
    realPath = path.join(realPath, segment);
    chain.push(realPath);
  }
  return { path: start, realPath, chain };
}

function acceptFile(file: FoundFile, files: Map<string, SnapshotFile>, reads: Promise<void>[], settings: WalkSettings): void {
  if (file.decided) {
    files.set(file.path, file.decided);
  } else if (READ_FILE_NAME.test(file.path)) {
    // Reserve the entry now so the cap counts it; the read fills it in.
    files.set(file.path, { kind: 'listed' });
    reads.push(
      readSnapshotFile(file.realPath, file.stats, settings.maxFileBytes, settings.fileSystem).then((read) => {
        files.set(file.path, read);
      }),
    );
  } else {
    files.set(file.path, { kind: 'listed' });
  }
}

/** Lists one folder and classifies its entries; never throws. */
async function listFolder(folder: FolderToWalk, settings: WalkSettings): Promise<FolderListing> {
  const listing: FolderListing = { files: [], folders: [], problems: [] };
  let entries: readonly FolderEntry[];
  try {
    entries = await settings.fileSystem.readFolder(folder.realPath);
  } catch (error) {
    listing.problems.push({
      kind: 'unreadable-directory',
      location: fileLocation(folder.path),
      detail: `the folder could not be listed (${errorCode(error) ?? 'unknown error'})`,
    });
    return listing;
  }
  const sorted = [...entries].sort((a, b) => compareText(a.name, b.name));
  // Entries are classified concurrently (links need a few calls each) but kept in name order.
  const classified = await Promise.all(sorted.map((entry) => classifyEntry(entry, folder, settings)));
  for (const item of classified) {
    if (item.kind === 'file') listing.files.push(item.file);
    else if (item.kind === 'folder') listing.folders.push(item.folder);
    else if (item.kind === 'problem') listing.problems.push(item.problem);
  }
  return listing;
}

type ClassifiedEntry =
  | { readonly kind: 'file'; readonly file: FoundFile }
  | { readonly kind: 'folder'; readonly folder: FolderToWalk }
  | { readonly kind: 'problem'; readonly problem: WalkProblem }
  | { readonly kind: 'ignored' };

const IGNORED: ClassifiedEntry = { kind: 'ignored' };

async function classifyEntry(entry: FolderEntry, folder: FolderToWalk, settings: WalkSettings): Promise<ClassifiedEntry> {
  const name = entry.name;
  const childPath = folder.path === '' ? name : `${folder.path}/${name}`;
  const childRealPath = path.join(folder.realPath, name);
  let type = entryType(entry);
  if (type === 'unknown') {
    // Some file systems do not report entry types in listings: ask once.
    const stats = await settings.fileSystem.lstat(childRealPath).catch(() => undefined);
    type = stats ? entryType(stats) : 'unknown';
  }
  if (type === 'folder') {
    return isSkippedFolderName(name) ? IGNORED : { kind: 'folder', folder: { path: childPath, realPath: childRealPath, chain: [...folder.chain, childRealPath] } };
  }
  if (type === 'file') {
    return IGNORED_FILE_NAME.test(name) ? IGNORED : { kind: 'file', file: { path: childPath, realPath: childRealPath, stats: undefined, decided: undefined } };
  }
  if (type !== 'link') return IGNORED;
  return classifyLink(name, childPath, childRealPath, folder, settings);
}

async function classifyLink(name: string, childPath: string, childRealPath: string, folder: FolderToWalk, settings: WalkSettings): Promise<ClassifiedEntry> {
  const resolution = await resolveLink(childRealPath, folder.realPath, settings.rootRealPath, settings.fileSystem);
  // Problems point at where the link really is, so a link reached through a folder link is reported once.
  const linkLocation = fileLocation(relativeToRoot(childRealPath, settings.rootRealPath));
  switch (resolution.kind) {
    case 'escape':
      return { kind: 'problem', problem: { kind: 'symlink-escape', location: linkLocation, detail: resolution.detail } };
    case 'loop':
      return { kind: 'problem', problem: { kind: 'symlink-loop', location: linkLocation, detail: resolution.detail } };
    case 'broken':
      // Only a broken link named like a manifest matters: Argo CD would fail reading it.
      return READ_FILE_NAME.test(name)
        ? { kind: 'file', file: { path: childPath, realPath: childRealPath, stats: undefined, decided: { kind: 'skipped', reason: 'unreadable', detail: `broken symbolic link: ${resolution.detail}` } } }
        : IGNORED;
    case 'other':
      return IGNORED;
    case 'file': {
      if (IGNORED_FILE_NAME.test(name) || isInsideGitFolder(resolution.realPath, settings.rootRealPath)) return IGNORED;
      return { kind: 'file', file: { path: childPath, realPath: resolution.realPath, stats: resolution.stats, decided: undefined } };
    }
    case 'folder': {
      if (isSkippedFolderName(name) || isInsideGitFolder(resolution.realPath, settings.rootRealPath)) return IGNORED;
      if (folder.chain.includes(resolution.realPath)) {
        const target = relativeToRoot(resolution.realPath, settings.rootRealPath);
        const detail = `it points back to ${target === '' ? 'the repository root' : `the enclosing folder "${target}"`}, which is already being walked`;
        return { kind: 'problem', problem: { kind: 'symlink-loop', location: linkLocation, detail } };
      }
      return { kind: 'folder', folder: { path: childPath, realPath: resolution.realPath, chain: [...folder.chain, resolution.realPath] } };
    }
  }
}

function entryType(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): 'file' | 'folder' | 'link' | 'unknown' {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'folder';
  if (entry.isFile()) return 'file';
  return 'unknown';
}

/** `.git`, every hidden folder, and `node_modules` are never walked. */
function isSkippedFolderName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Git's own files (which may hold credentials) are never read, even through a link. */
function isInsideGitFolder(realPath: string, rootRealPath: string): boolean {
  const relative = relativeToRoot(realPath, rootRealPath);
  return relative === '.git' || relative.startsWith('.git/') || relative.includes('/.git/') || relative.endsWith('/.git');
}

function capProblem(file: string, detail: string): WalkProblem {
  return { kind: 'file-count-cap', location: fileLocation(file), detail };
}

/** Plain code-unit order: stable across locales. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
