// Base64 with UTF-8 text, without Node's Buffer (the analysis core is pure).

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) of a string's UTF-8 bytes. */
export function base64EncodeText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let index = 0; index < bytes.length; index += 3) {
    const a = bytes[index] ?? 0;
    const b = bytes[index + 1];
    const c = bytes[index + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[triple & 63];
  }
  return out;
}

/** Decodes standard base64 (whitespace ignored) to UTF-8 text; undefined when it is not valid base64 of UTF-8. */
export function base64DecodeText(encoded: string): string | undefined {
  const clean = encoded.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const bytes: number[] = [];
  for (let index = 0; index < clean.length; index += 4) {
    const values = [...clean.slice(index, index + 4)].map((char) => (char === '=' ? -1 : ALPHABET.indexOf(char)));
    const [a = 0, b = 0, c = -1, d = -1] = values;
    bytes.push(((a << 2) | (b >> 4)) & 255);
    if (c >= 0) bytes.push((((b & 15) << 4) | (c >> 2)) & 255);
    if (d >= 0) bytes.push((((c & 3) << 6) | d) & 255);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
