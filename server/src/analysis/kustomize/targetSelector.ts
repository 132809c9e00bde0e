// Patch target selectors (group/version/kind/name/namespace regexes, label and annotation selectors).
import { isRecord } from '../kube/kubeObject';
import { effectiveNamespace, idOfBody, type ResourceId } from './resourceId';
import type { WorkingObject } from './kustomizeTypes';

/** A compiled `target:` selector; fields absent from the selector match anything. */
export interface TargetSelector {
  readonly group?: RegExp;
  readonly version?: RegExp;
  readonly kind?: RegExp;
  readonly name?: RegExp;
  readonly namespace?: RegExp;
  readonly labelSelector?: readonly Requirement[];
  readonly annotationSelector?: readonly Requirement[];
}

/** One requirement of a Kubernetes label selector. */
interface Requirement {
  readonly key: string;
  readonly operator: 'exists' | 'not-exists' | 'in' | 'not-in';
  readonly values: readonly string[];
}

/**
 * Compiles a `target:` map. Like kustomize, each of group/version/kind/name/namespace is an
 * anchored regular expression. Returns a reason string when something cannot be compiled.
 */
export function compileSelector(target: unknown): TargetSelector | string {
  if (!isRecord(target)) return 'target is not a map';
  const selector: { -readonly [K in keyof TargetSelector]: TargetSelector[K] } = {};
  for (const field of ['group', 'version', 'kind', 'name', 'namespace'] as const) {
    const value = target[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return `target.${field} is not a string`;
    try {
      selector[field] = new RegExp(`^(?:${value})$`);
    } catch {
      return `target.${field} is not a valid regular expression: ${value}`;
    }
  }
  for (const field of ['labelSelector', 'annotationSelector'] as const) {
    const value = target[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return `target.${field} is not a string`;
    const parsed = parseLabelSelector(value);
    if (typeof parsed === 'string') return `target.${field}: ${parsed}`;
    selector[field] = parsed;
  }
  return selector;
}

/**
 * True when the selector selects the object. As in kustomize's `Select`, the name and the
 * namespace may match either the object's original or its current value.
 */
export function selects(selector: TargetSelector, object: WorkingObject): boolean {
  const current = idOfBody(object.body);
  const original = object.previousIds[0] ?? current;
  if (selector.namespace && !selector.namespace.test(effectiveNamespace(original)) && !selector.namespace.test(effectiveNamespace(current))) return false;
  if (selector.name && !selector.name.test(original.name) && !selector.name.test(current.name)) return false;
  if (!gvkMatches(selector, current)) return false;
  const metadata = isRecord(object.body.metadata) ? object.body.metadata : {};
  if (selector.labelSelector && !requirementsMatch(selector.labelSelector, metadata.labels)) return false;
  if (selector.annotationSelector && !requirementsMatch(selector.annotationSelector, metadata.annotations)) return false;
  return true;
}

function gvkMatches(selector: TargetSelector, id: ResourceId): boolean {
  return (!selector.group || selector.group.test(id.group)) && (!selector.version || selector.version.test(id.version)) && (!selector.kind || selector.kind.test(id.kind));
}

function requirementsMatch(requirements: readonly Requirement[], map: unknown): boolean {
  const values = isRecord(map) ? map : {};
  return requirements.every((requirement) => {
    const raw = values[requirement.key];
    const present = raw !== undefined && raw !== null;
    const text = present ? String(raw) : undefined;
    switch (requirement.operator) {
      case 'exists':
        return present;
      case 'not-exists':
        return !present;
      case 'in':
        return text !== undefined && requirement.values.includes(text);
      case 'not-in':
        return text === undefined || !requirement.values.includes(text);
    }
  });
}

/**
 * Parses a Kubernetes label selector string: `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`, separated by commas.
 */
export function parseLabelSelector(text: string): Requirement[] | string {
  const requirements: Requirement[] = [];
  for (const part of splitTopLevel(text)) {
    const clause = part.trim();
    if (clause === '') continue;
    let match = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(clause);
    if (match) {
      const values = (match[3] ?? '').split(',').map((value) => value.trim()).filter((value) => value !== '');
      requirements.push({ key: match[1] ?? '', operator: match[2] === 'in' ? 'in' : 'not-in', values });
      continue;
    }
    match = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(clause);
    if (match) {
      requirements.push({ key: match[1] ?? '', operator: match[2] === '!=' ? 'not-in' : 'in', values: [match[3] ?? ''] });
      continue;
    }
    match = /^(!?)\s*([^\s!=(),]+)$/.exec(clause);
    if (match) {
      requirements.push({ key: match[2] ?? '', operator: match[1] === '!' ? 'not-exists' : 'exists', values: [] });
      continue;
    }
    return `cannot read selector clause ${JSON.stringify(clause)}`;
  }
  return requirements;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '(') depth++;
    else if (character === ')') depth = Math.max(0, depth - 1);
    else if (character === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
