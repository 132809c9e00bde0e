// A small `semverCompare` (Masterminds/semver constraints): =, !=, >, <, >=, <=, ~, ^, wildcards, `,` and `||`.
import { GoTemplateError } from './goTemplateError';

interface Version {
  readonly parts: readonly [number, number, number];
  readonly prerelease: string;
}

const VERSION = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** True when `version` satisfies `constraint`; throws GoTemplateError for unparsable input. */
export function semverCompare(constraint: string, version: string): boolean {
  const parsed = parseVersion(version.trim());
  if (!parsed || parsed.wildcard >= 0) throw new GoTemplateError(`error calling semverCompare: Invalid Semantic Version`);
  const alternatives = constraint.split('||');
  return alternatives.some((alternative) => {
    const terms = alternative.split(/,|\s+(?=[<>=!~^])/).map((term) => term.trim()).filter((term) => term !== '');
    if (terms.length === 0) throw new GoTemplateError('error calling semverCompare: improper constraint');
    return terms.every((term) => satisfies(term, parsed.version));
  });
}

function parseVersion(text: string): { version: Version; wildcard: number } | undefined {
  const match = VERSION.exec(text);
  if (!match) return undefined;
  const raw = [match[1], match[2], match[3]];
  let wildcard = -1;
  const parts = raw.map((part, index) => {
    if (part === undefined || /^[xX*]$/.test(part)) {
      if (wildcard < 0) wildcard = index;
      return 0;
    }
    return Number(part);
  }) as unknown as [number, number, number];
  return { version: { parts, prerelease: match[4] ?? '' }, wildcard };
}

function compare(a: Version, b: Version): number {
  for (let index = 0; index < 3; index++) {
    const difference = (a.parts[index] ?? 0) - (b.parts[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

function satisfies(term: string, version: Version): boolean {
  const match = /^(>=|<=|!=|=>|=<|==|=|>|<|~>|~|\^)?\s*(.+)$/.exec(term);
  const operator = match?.[1] ?? '=';
  const target = parseVersion(match?.[2]?.trim() ?? '');
  if (!target) throw new GoTemplateError(`error calling semverCompare: improper constraint: ${term}`);
  // Masterminds excludes prereleases unless the constraint itself names one.
  if (version.prerelease !== '' && target.version.prerelease === '') return false;
  const bound = target.version;
  const order = compare(version, bound);
  const [major, minor] = bound.parts;
  const upper = (index: number): Version => {
    const parts: [number, number, number] = [bound.parts[0], bound.parts[1], bound.parts[2]];
    parts[index] = (parts[index] ?? 0) + 1;
    for (let rest = index + 1; rest < 3; rest++) parts[rest] = 0;
    return { parts, prerelease: '' };
  };
  const wildcard = target.wildcard;
  switch (operator) {
    case '=':
    case '==':
      return wildcard < 0 ? order === 0 : order >= 0 && compare(version, upper(Math.max(0, wildcard - 1))) < 0;
    case '!=':
      return wildcard < 0 ? order !== 0 : !(order >= 0 && compare(version, upper(Math.max(0, wildcard - 1))) < 0);
    case '>':
      return wildcard < 0 ? order > 0 : compare(version, upper(Math.max(0, wildcard - 1))) >= 0;
    case '<':
      return order < 0;
    case '>=':
    case '=>':
      return order >= 0;
    case '<=':
    case '=<':
      return wildcard < 0 ? order <= 0 : compare(version, upper(Math.max(0, wildcard - 1))) < 0;
    case '~':
    case '~>':
      return order >= 0 && compare(version, upper(wildcard === 1 ? 0 : 1)) < 0;
    case '^':
      if (major > 0 || wildcard === 1) return order >= 0 && compare(version, upper(0)) < 0;
      if (minor > 0 || wildcard === 2) return order >= 0 && compare(version, upper(1)) < 0;
      return order >= 0 && compare(version, upper(2)) < 0;
    default:
      return false;
  }
}
