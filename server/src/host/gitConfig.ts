// Reads the remote URLs out of a git config file's text (pure string parsing; git is never run).

/** A section header: `[remote "origin"]`, `[core]`, or the old `[remote.origin]` form. */
const SECTION_HEADER = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\\n]|\\.)*)")?\s*\]/;
/** The start of a variable line with a value: `url = value`. */
const VARIABLE_WITH_VALUE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*=/;

/**
 * Returns every `url` of every `[remote "…"]` section, in file order, without duplicates.
 * Follows git's syntax where it matters for URLs: case-insensitive names, `#`/`;` comments,
 * quoted values, backslash escapes and line continuations. Includes (`[include]`) are not followed.
 */
export function remoteUrlsFromGitConfig(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const urls: string[] = [];
  let inRemoteSection = false;
  for (let index = 0; index < lines.length; index++) {
    let line = (lines[index] ?? '').trimStart();
    const header = SECTION_HEADER.exec(line);
    if (header) {
      inRemoteSection = isRemoteSection(header[1] ?? '', header[2]);
      // Git allows a variable on the same line as the header.
      line = line.slice(header[0].length).trimStart();
    }
    if (line === '' || line.startsWith('#') || line.startsWith(';') || line.startsWith('[')) continue;
    const variable = VARIABLE_WITH_VALUE.exec(line);
    if (!variable || !inRemoteSection || (variable[1] ?? '').toLowerCase() !== 'url') continue;
    const value = parseValue(line.slice(variable[0].length), () => {
      index++;
      return lines[index];
    });
    if (value !== '' && !urls.includes(value)) urls.push(value);
  }
  return urls;
}

function isRemoteSection(name: string, subsection: string | undefined): boolean {
  if (subsection !== undefined) return name.toLowerCase() === 'remote';
  // Deprecated `[remote.origin]` form.
  return name.toLowerCase().startsWith('remote.') && name.length > 'remote.'.length;
}

/**
 * Parses a value as git does: unquoted whitespace at both ends is dropped, `"` toggles quoting,
 * `#`/`;` outside quotes start a comment, `\` escapes, and a `\` at the end of a line continues it.
 */
function parseValue(start: string, nextLine: () => string | undefined): string {
  let out = '';
  let trailingUnquotedSpace = 0;
  let quoted = false;
  let line: string | undefined = start;
  let offset = 0;
  while (line !== undefined && offset < line.length) {
    const char = line.charAt(offset);
    offset++;
    if (char === '\\') {
      if (offset === line.length) {
        line = nextLine();
        offset = 0;
        continue;
      }
      const escaped = line.charAt(offset);
      offset++;
      out += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === 'b' ? '\b' : escaped;
      trailingUnquotedSpace = 0;
      continue;
    }
    if (char === '"') {
      quoted = !quoted;
      trailingUnquotedSpace = 0;
      continue;
    }
    if (!quoted && (char === '#' || char === ';')) break;
    if (!quoted && (char === ' ' || char === '\t')) {
      if (out === '') continue;
      trailingUnquotedSpace++;
    } else {
      trailingUnquotedSpace = 0;
    }
    out += char;
  }
  return trailingUnquotedSpace > 0 ? out.slice(0, out.length - trailingUnquotedSpace) : out;
}
