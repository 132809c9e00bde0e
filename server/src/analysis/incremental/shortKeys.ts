// Short, never-reused keys standing for long contents (a scopes table, a catalogue, a set of repository facts) in memo keys.

/**
 * Gives each distinct contents string a short key, so memo keys stay short however long what they
 * stand for. Equal contents get equal keys while remembered; a key is never given to other contents
 * (the table is cleared when full, and keys keep counting), so equal keys always mean equal contents.
 */
export class ShortKeys {
  readonly #prefix: string;
  readonly #limit: number;
  readonly #keys = new Map<string, string>();
  #next = 0;

  constructor(prefix: string, limit = 256) {
    this.#prefix = prefix;
    this.#limit = limit;
  }

  /** The key of `contents`. */
  keyOf(contents: string): string {
    let key = this.#keys.get(contents);
    if (key === undefined) {
      if (this.#keys.size >= this.#limit) this.#keys.clear();
      key = `${this.#prefix}-${this.#next++}`;
      this.#keys.set(contents, key);
    }
    return key;
  }
}
