// Decides whether file bytes are UTF-8 text and decodes them; hosts call it before building a snapshot.

/** The text of a file, or why it is not text. */
export type DecodedFile = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'binary' | 'not-utf8'; readonly detail: string };

/**
 * Decodes bytes as strict UTF-8. A NUL byte marks binary data; invalid UTF-8 is refused rather
 * than replaced with U+FFFD. A leading byte-order mark is dropped, as editors do.
 */
export function decodeFileBytes(bytes: Uint8Array): DecodedFile {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'binary', detail: `NUL byte at offset ${nul}` };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { kind: 'text', text };
  } catch {
    return { kind: 'not-utf8', detail: 'not valid UTF-8' };
  }
}
