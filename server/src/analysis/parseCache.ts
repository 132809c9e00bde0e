// ParseCache: parsed files kept across analyses, so a host that re-analyses after an edit re-parses only what changed.
import type { ParsedFile, ParseLimits } from './yaml/parseYamlFile';
import { LineIndex } from './text/lineIndex';

/** One cached parse: the exact text it was made from. */
interface CachedParse {
  readonly text: string;
  readonly parsed: ParsedFile;
}

/**
 * Parsed files by path, each valid only for the exact text it was parsed from. A parse depends on
 * the path, the text and the limits alone (`parseYamlFile` is pure), so a file whose text did not
 * change can reuse it. Comparing texts is cheap when the host keeps the same string object (V8
 * compares the pointers first) and linear otherwise, which is still far below a parse.
 */
export class ParseCache {
  /** The limits every cached parse was made with; an index with other limits ignores the cache. */
  readonly limits: ParseLimits;
  readonly #entries = new Map<string, CachedParse>();
  /** Per searched string: per path, the text searched and whether it contains the string. */
  readonly #mentions = new Map<string, Map<string, { readonly text: string; readonly found: boolean }>>();
  /** Line indexes by path, each for the exact text it was made from. */
  readonly #lineIndexes = new Map<string, { readonly text: string; readonly lines: LineIndex }>();
  #hits = 0;
  #misses = 0;

  constructor(limits: ParseLimits) {
    this.limits = limits;
  }

  /** The parse of `path` made from exactly `text`, if cached. */
  get(path: string, text: string): ParsedFile | undefined {
    const entry = this.#entries.get(path);
    if (entry !== undefined && entry.text === text) {
      this.#hits++;
      return entry.parsed;
    }
    this.#misses++;
    return undefined;
  }

  /** True when a parse of `path` from exactly `text` is cached (does not count as a hit). */
  has(path: string, text: string): boolean {
    return this.#entries.get(path)?.text === text;
  }

  /** Remembers the parse of `path` from `text`, replacing an older one. */
  set(path: string, text: string, parsed: ParsedFile): void {
    this.#entries.set(path, { text, parsed });
  }

  /** The line index of `text`, the text of `path`: made once per path and text. */
  lineIndex(path: string, text: string): LineIndex {
    const known = this.#lineIndexes.get(path);
    if (known !== undefined && known.text === text) return known.lines;
    const lines = new LineIndex(text);
    this.#lineIndexes.set(path, { text, lines });
    return lines;
  }

  /** True when `text` (the text of `path`) contains `needle`; remembered per path and text. */
  mentions(path: string, text: string, needle: string): boolean {
    let byPath = this.#mentions.get(needle);
    if (!byPath) this.#mentions.set(needle, (byPath = new Map()));
    const known = byPath.get(path);
    if (known !== undefined && known.text === text) return known.found;
    const found = text.includes(needle);
    byPath.set(path, { text, found });
    return found;
  }

  /** Forgets one path (a file that went). */
  forget(path: string): void {
    this.#entries.delete(path);
    this.#lineIndexes.delete(path);
    for (const byPath of this.#mentions.values()) byPath.delete(path);
  }

  /** Forgets every path for which `keep` is false (files deleted since), so the cache cannot grow without bound. */
  retain(keep: (path: string) => boolean): void {
    for (const path of [...this.#entries.keys()]) if (!keep(path)) this.#entries.delete(path);
    for (const path of [...this.#lineIndexes.keys()]) if (!keep(path)) this.#lineIndexes.delete(path);
    for (const byPath of this.#mentions.values()) for (const path of [...byPath.keys()]) if (!keep(path)) byPath.delete(path);
  }

  /** Number of cached files. */
  get size(): number {
    return this.#entries.size;
  }

  /** Lookups answered from the cache and lookups that had to parse, since creation. */
  get statistics(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }

  /** True when parses made with `limits` may be served from this cache. */
  accepts(limits: ParseLimits): boolean {
    return limits.maxNesting === this.limits.maxNesting && limits.maxAliasCount === this.limits.maxAliasCount;
  }
}
