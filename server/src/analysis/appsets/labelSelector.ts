// Kubernetes label selectors (matchLabels, matchExpressions) as generators and cluster secrets use them.
import { isRecord } from '../kube/kubeObject';

/** A label selector read from YAML, or why it is invalid. */
export type ParsedSelector = { readonly ok: true; readonly matches: (labels: Readonly<Record<string, string>>) => boolean; readonly empty: boolean } | { readonly ok: false; readonly error: string };

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * Reads `{matchLabels, matchExpressions}`. Every requirement must hold (AND); `NotIn` and
 * `DoesNotExist` also match when the label is absent, as in Kubernetes. An absent selector
 * matches everything. Values are compared as strings (Argo CD's generator selector does not
 * validate label values).
 */
export function parseLabelSelector(raw: unknown): ParsedSelector {
  if (raw === undefined || raw === null) return { ok: true, matches: () => true, empty: true };
  if (!isRecord(raw)) return { ok: false, error: 'selector must be a map with matchLabels and/or matchExpressions' };
  const tests: ((labels: Readonly<Record<string, string>>) => boolean)[] = [];
  const matchLabels = raw.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return { ok: false, error: 'matchLabels must be a map' };
    for (const [key, value] of Object.entries(matchLabels)) {
      const expected = scalarText(value);
      tests.push((labels) => labelOf(labels, key) === expected);
    }
  }
  const expressions = raw.matchExpressions;
  if (expressions !== undefined && expressions !== null) {
    if (!Array.isArray(expressions)) return { ok: false, error: 'matchExpressions must be a list' };
    for (const expression of expressions) {
      if (!isRecord(expression) || typeof expression.key !== 'string') return { ok: false, error: 'each matchExpressions entry needs a key' };
      const key = expression.key;
      const operator = expression.operator;
      if (typeof operator !== 'string' || !OPERATORS.has(operator)) return { ok: false, error: `"${String(operator)}" is not a valid label selector operator` };
      const values = Array.isArray(expression.values) ? expression.values.map(scalarText) : [];
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) return { ok: false, error: `for '${operator}' operator, values set can't be empty` };
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) return { ok: false, error: `values set must be empty for '${operator}'` };
      if (operator === 'In') tests.push((labels) => values.includes(labelOf(labels, key) ?? '\u0000absent'));
      else if (operator === 'NotIn') tests.push((labels) => !values.includes(labelOf(labels, key) ?? '\u0000absent'));
      else if (operator === 'Exists') tests.push((labels) => labelOf(labels, key) !== undefined);
      else tests.push((labels) => labelOf(labels, key) === undefined);
    }
  }
  return { ok: true, matches: (labels) => tests.every((test) => test(labels)), empty: tests.length === 0 };
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

/** A label's value, never something inherited from Object.prototype. */
function labelOf(labels: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(labels, key) ? labels[key] : undefined;
}
