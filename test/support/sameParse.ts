// Compares two ParsedFile results exactly (values with key order, -0 and NaN; spans; problems), for the fast-parse equivalence tests.
import type { ParsedFile } from '../../server/src/analysis/yaml/parseYamlFile';

/** The first difference between two plain values, as a path and a reason, or undefined when they are identical (key order included). */
export function valueDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} ≠ ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: different kinds`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\u0000') !== keysB.join('\u0000')) return `${path}: keys [${keysA.join(', ')}] ≠ [${keysB.join(', ')}]`;
  for (const key of keysA) {
    const difference = valueDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

/** Everything observable of a parse except the tree objects themselves (whose presence and root span are kept). */
function observable(parsed: ParsedFile): unknown {
  return {
    file: parsed.file,
    status: parsed.status,
    problems: parsed.problems.map((item) => ({ ruleId: item.ruleId, message: item.message, file: item.location.file, span: item.location.span })),
    documents: parsed.documents.map((document) => ({
      file: document.file,
      index: document.index,
      span: document.span,
      tree: document.tree ? { range: document.tree.range, contents: document.tree.contents?.range ?? null } : null,
    })),
  };
}

/** The first difference between two parses of one text, or undefined when they are identical. */
export function parseDifference(actual: ParsedFile, expected: ParsedFile): string | undefined {
  const shape = JSON.stringify(observable(actual)) === JSON.stringify(observable(expected)) ? undefined : `shape: ${JSON.stringify(observable(actual))} ≠ ${JSON.stringify(observable(expected))}`;
  if (shape) return shape;
  for (let index = 0; index < actual.documents.length; index++) {
    const difference = valueDifference(actual.documents[index]?.value, expected.documents[index]?.value, `document ${index}`);
    if (difference) return difference;
  }
  return undefined;
}
