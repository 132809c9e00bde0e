// Go text/template's comparison builtins (eq, ne, lt, le, gt, ge) with Go's type rules.
import { GoTemplateError } from './goTemplateError';
import { type GoValue } from './goValues';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'complex';

function basicKind(value: GoValue): BasicKind {
  if (value === undefined || value === null) return 'invalid';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'complex';
  }
}

/** `eq a b c…`: true when `a` equals any of the rest; an int and a float64 are incompatible, as in Go. */
export function goEq(values: readonly GoValue[]): boolean {
  const [first, ...rest] = values;
  if (values.length === 0) throw new GoTemplateError('wrong number of args for eq: want at least 1 got 0');
  if (rest.length === 0) throw new GoTemplateError('error calling eq: missing argument for comparison');
  const firstKind = basicKind(first);
  for (const other of rest) {
    const otherKind = basicKind(other);
    if (firstKind !== otherKind) {
      if (firstKind !== 'invalid' && otherKind !== 'invalid') throw new GoTemplateError('error calling eq: incompatible types for comparison');
      continue;
    }
    if (firstKind === 'complex') throw new GoTemplateError('error calling eq: non-comparable types');
    if (firstKind === 'invalid' || first === other) return true;
  }
  return false;
}

/** `lt a b` and friends: both must be of the same basic, ordered kind. */
export function goLess(name: string, a: GoValue, b: GoValue): boolean {
  const kindA = basicKind(a);
  const kindB = basicKind(b);
  if (kindA === 'invalid' || kindB === 'invalid' || kindA === 'complex' || kindB === 'complex') throw new GoTemplateError(`error calling ${name}: invalid type for comparison`);
  if (kindA !== kindB) throw new GoTemplateError(`error calling ${name}: incompatible types for comparison`);
  if (kindA === 'bool') throw new GoTemplateError(`error calling ${name}: invalid type for comparison`);
  return (a as string | number | bigint) < (b as string | number | bigint);
}
