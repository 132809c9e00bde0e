// LineIndex: converts offsets to 0-based line/column pairs (columns in UTF-16 code units).

/** A 0-based line and a 0-based column counted in UTF-16 code units. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/**
 * Line starts of one text, for offset ↔ line/column conversion.
 * `\n`, `\r\n` and a lone `\r` all end a line, as in the LSP specification.
 */
export class LineIndex {
  readonly #lineStarts: number[];
  readonly #length: number;

  constructor(text: string) {
    const lineStarts = [0];
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(offset + 1) === 10) offset++;
        lineStarts.push(offset + 1);
      } else if (code === 10 /* \n */) {
        lineStarts.push(offset + 1);
      }
    }
    this.#lineStarts = lineStarts;
    this.#length = text.length;
  }

  /** Number of lines (a text ending in a newline has an empty last line). */
  get lineCount(): number {
    return this.#lineStarts.length;
  }

  /** The line/column of an offset, clamped to the text. */
  position(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.#length));
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, column: clamped - (this.#lineStarts[low] ?? 0) };
  }

  /** The offset of a line/column, clamped to the text. */
  offset(position: LineColumn): number {
    const line = Math.max(0, Math.min(position.line, this.#lineStarts.length - 1));
    const lineStart = this.#lineStarts[line] ?? 0;
    const nextLineStart = this.#lineStarts[line + 1] ?? this.#length;
    return Math.min(lineStart + Math.max(0, position.column), nextLineStart);
  }

  /** The offset where a 0-based line starts. */
  lineStart(line: number): number {
    return this.#lineStarts[Math.max(0, Math.min(line, this.#lineStarts.length - 1))] ?? 0;
  }
}
