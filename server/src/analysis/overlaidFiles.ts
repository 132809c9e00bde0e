// A snapshot's files as a base map with a few entries replaced: a host that re-analyses after each keystroke shares the rest.
import type { SnapshotFile } from './snapshot';

/**
 * The files of a base map with some entries replaced, added or removed (`undefined`), read-only.
 * Reads are one or two map lookups; iteration is the base's order with replacements in place and
 * additions at the end (as setting them on a copy would give). Two overlays of the same base differ
 * only in their replacements, so comparing them costs the replacements (see `snapshotChanges`).
 * Neither map may change afterwards.
 */
export class OverlaidFiles implements ReadonlyMap<string, SnapshotFile> {
  readonly base: ReadonlyMap<string, SnapshotFile>;
  readonly replacements: ReadonlyMap<string, SnapshotFile | undefined>;
  #size: number | undefined;

  constructor(base: ReadonlyMap<string, SnapshotFile>, replacements: ReadonlyMap<string, SnapshotFile | undefined>) {
    this.base = base;
    this.replacements = replacements;
  }

  get(path: string): SnapshotFile | undefined {
    return this.replacements.has(path) ? this.replacements.get(path) : this.base.get(path);
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get size(): number {
    if (this.#size === undefined) {
      let size = this.base.size;
      for (const [path, file] of this.replacements) {
        const inBase = this.base.has(path);
        if (file === undefined && inBase) size--;
        else if (file !== undefined && !inBase) size++;
      }
      this.#size = size;
    }
    return this.#size;
  }

  *entries(): MapIterator<[string, SnapshotFile]> {
    for (const [path, file] of this.base) {
      if (!this.replacements.has(path)) yield [path, file];
      else {
        const replacement = this.replacements.get(path);
        if (replacement !== undefined) yield [path, replacement];
      }
    }
    for (const [path, file] of this.replacements) if (file !== undefined && !this.base.has(path)) yield [path, file];
  }

  *keys(): MapIterator<string> {
    for (const [path] of this.entries()) yield path;
  }

  *values(): MapIterator<SnapshotFile> {
    for (const [, file] of this.entries()) yield file;
  }

  forEach(callback: (file: SnapshotFile, path: string, map: ReadonlyMap<string, SnapshotFile>) => void): void {
    for (const [path, file] of this.entries()) callback(file, path, this);
  }

  [Symbol.iterator](): MapIterator<[string, SnapshotFile]> {
    return this.entries();
  }
}
