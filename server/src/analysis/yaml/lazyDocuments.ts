// Documents whose syntax tree and span are made by `yaml` only when someone first asks for a position.
import { parseAllDocuments, type Document } from 'yaml';
import type { Span } from '../text/span';
import { LineTable, type LineEntry } from './lineLocator';
import type { ValuePath, YamlDocument } from './yamlDocument';

/** The `yaml` options every parse of the analysis uses, so a lazy tree is the tree an eager parse would have made. */
export const YAML_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: false } as const;

/** Files whose positions were worked out with `yaml` in this process (for tests and the benchmark). */
let positionParses = 0;

/** How many files have had their positions worked out with `yaml` so far in this process. */
export function positionParseCount(): number {
  return positionParses;
}

/** One file's `yaml` documents, parsed on first use and then kept with the file's parse. */
class LazyYamlStream {
  readonly #text: string;
  #documents: readonly Document.Parsed[] | undefined;
  #lines: LineTable | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  /** The `index`-th document of the stream, parsing the whole file the first time. */
  document(index: number): Document.Parsed | undefined {
    if (!this.#documents) {
      positionParses++;
      const parsed = parseAllDocuments(this.#text, YAML_PARSE_OPTIONS);
      this.#documents = Array.isArray(parsed) ? parsed : [];
    }
    return this.#documents[index];
  }

  /** Where `path` is written in the `index`-th document as its lines tell, without `yaml` (see `LineTable`). */
  locateByLines(index: number, path: ValuePath, orAncestor: boolean): LineEntry | undefined {
    this.#lines ??= new LineTable(this.#text);
    return this.#lines.locate(index, path, orAncestor);
  }

  /** The whole text: where a document's span points if `yaml` were ever to disagree on the documents. */
  get wholeText(): Span {
    return { start: 0, end: this.#text.length };
  }
}

/** A document whose value is known and whose tree and span come from `yaml` on demand. */
class LazilyLocatedDocument implements YamlDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  readonly #stream: LazyYamlStream;

  constructor(file: string, index: number, value: unknown, stream: LazyYamlStream) {
    this.file = file;
    this.index = index;
    this.value = value;
    this.#stream = stream;
  }

  get tree(): Document.Parsed | undefined {
    return this.#stream.document(this.index);
  }

  locateByLines(path: ValuePath, orAncestor: boolean): LineEntry | undefined {
    return this.#stream.locateByLines(this.index, path, orAncestor);
  }

  get span(): Span {
    const range = this.#stream.document(this.index)?.range;
    return range ? { start: range[0], end: range[2] } : this.#stream.wholeText;
  }
}

/**
 * The documents of `text` from their values alone (the fast path's js-yaml values, which agree
 * with `yaml`'s): a file that is never located costs no `yaml` parse and keeps no syntax tree.
 */
export function lazilyLocatedDocuments(file: string, text: string, values: readonly unknown[]): YamlDocument[] {
  const stream = new LazyYamlStream(text);
  return values.map((value, index) => new LazilyLocatedDocument(file, index, value ?? null, stream));
}
