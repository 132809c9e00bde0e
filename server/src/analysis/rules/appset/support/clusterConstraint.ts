// What a cluster's labels must be for an ApplicationSet generator entry to produce Applications from it, symbolically.
import { isRecord } from '../../../kube/kubeObject';
import type { ValuePath } from '../../../yaml/yamlDocument';

/** A Kubernetes label selector operator. */
export type LabelOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement on a cluster label (matchLabels entries become `In` with one value). */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/** The conjunction of label requirements a cluster must meet, and where they are written. */
export interface ClusterConstraint {
  readonly requirements: readonly LabelRequirement[];
  /** Paths, in the ApplicationSet body, of the clusters selectors the requirements come from. */
  readonly selectorPaths: readonly ValuePath[];
}

const OPERATORS: ReadonlySet<string> = new Set<LabelOperator>(['In', 'NotIn', 'Exists', 'DoesNotExist']);
/** Flattened generator parameters hold a cluster's labels under this prefix (for a generator entry's own `selector`). */
const LABEL_PARAMETER_PREFIX = 'metadata.labels.';

/**
 * The constraint a generator entry puts on the clusters it produces Applications for, or undefined
 * when the entry does not involve the clusters generator (or its selector is invalid or templated,
 * so nothing certain can be said). A clusters generator contributes its `selector`; for merge only
 * the first (base) child decides which clusters produce Applications, later children only override
 * parameters; for matrix both children's constraints apply. The entry's own `selector` filters
 * flattened parameters, and its `metadata.labels.<key>` requirements constrain labels too.
 */
export function clusterConstraintOf(entry: unknown, path: ValuePath): ClusterConstraint | undefined {
  if (!isRecord(entry)) return undefined;
  const own = generatorConstraint(entry, path);
  if (!own) return undefined;
  const filter = selectorRequirements(entry.selector, (key) => (key.startsWith(LABEL_PARAMETER_PREFIX) ? key.slice(LABEL_PARAMETER_PREFIX.length) : undefined));
  if (!filter) return undefined;
  return { requirements: [...own.requirements, ...filter], selectorPaths: own.selectorPaths };
}

function generatorConstraint(entry: Readonly<Record<string, unknown>>, path: ValuePath): ClusterConstraint | undefined {
  if (isRecord(entry.clusters)) {
    const requirements = selectorRequirements(entry.clusters.selector, (key) => key);
    if (!requirements) return undefined;
    return { requirements, selectorPaths: [[...path, 'clusters', ...(entry.clusters.selector === undefined ? [] : ['selector'])]] };
  }
  if (isRecord(entry.merge)) {
    const children = Array.isArray(entry.merge.generators) ? entry.merge.generators : [];
    return clusterConstraintOf(children[0], [...path, 'merge', 'generators', 0]);
  }
  if (isRecord(entry.matrix)) {
    const children = Array.isArray(entry.matrix.generators) ? entry.matrix.generators : [];
    const parts = children
      .slice(0, 2)
      .map((child, index) => clusterConstraintOf(child, [...path, 'matrix', 'generators', index]))
      .filter((part): part is ClusterConstraint => part !== undefined);
    if (parts.length === 0) return undefined;
    return { requirements: parts.flatMap((part) => part.requirements), selectorPaths: parts.flatMap((part) => part.selectorPaths) };
  }
  return undefined;
}

/**
 * The requirements of a `{matchLabels, matchExpressions}` selector, keys mapped by `labelKey`
 * (requirements whose key maps to undefined are dropped: they do not constrain labels). Undefined
 * for an invalid selector (Argo CD fails the generator: it produces nothing) or one holding `{{`
 * (a matrix child templated by its sibling: its values are not known here).
 */
function selectorRequirements(raw: unknown, labelKey: (key: string) => string | undefined): LabelRequirement[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!isRecord(raw)) return undefined;
  const requirements: LabelRequirement[] = [];
  const add = (key: string, operator: LabelOperator, values: readonly string[]): boolean => {
    if ([key, ...values].some((text) => text.includes('{{'))) return false;
    const mapped = labelKey(key);
    if (mapped !== undefined) requirements.push({ key: mapped, operator, values });
    return true;
  };
  if (raw.matchLabels !== undefined && raw.matchLabels !== null) {
    if (!isRecord(raw.matchLabels)) return undefined;
    for (const [key, value] of Object.entries(raw.matchLabels)) if (!add(key, 'In', [String(value)])) return undefined;
  }
  if (raw.matchExpressions !== undefined && raw.matchExpressions !== null) {
    if (!Array.isArray(raw.matchExpressions)) return undefined;
    for (const expression of raw.matchExpressions) {
      if (!isRecord(expression) || typeof expression.key !== 'string' || typeof expression.operator !== 'string' || !OPERATORS.has(expression.operator)) return undefined;
      const values = Array.isArray(expression.values) ? expression.values.map((value) => String(value)) : [];
      if (!add(expression.key, expression.operator as LabelOperator, values)) return undefined;
    }
  }
  return requirements;
}

/** How a label that only carries `NotIn` requirements is chosen: left absent, or given a fresh value. */
export type NotInChoice = 'absent' | 'fresh';

/**
 * A label set that satisfies every requirement, or undefined when none does (the requirements are
 * provably contradictory). Per key: `DoesNotExist` → absent (contradicts `In`/`Exists`); `In` → the
 * first value every `In` allows and no `NotIn` excludes; `Exists` → `freshValue`; only `NotIn` →
 * absent or `freshValue`, as `notIn` says. Keys are independent, so checking each is enough.
 */
export function satisfyingLabels(requirements: readonly LabelRequirement[], freshValue: string, notIn: NotInChoice): Record<string, string> | undefined {
  const byKey = new Map<string, LabelRequirement[]>();
  for (const requirement of requirements) byKey.set(requirement.key, [...(byKey.get(requirement.key) ?? []), requirement]);
  const labels: Record<string, string> = {};
  for (const [key, onKey] of byKey) {
    const mustBeAbsent = onKey.some((requirement) => requirement.operator === 'DoesNotExist');
    const mustExist = onKey.some((requirement) => requirement.operator === 'In' || requirement.operator === 'Exists');
    if (mustBeAbsent) {
      if (mustExist) return undefined;
      continue;
    }
    const excluded = new Set(onKey.filter((requirement) => requirement.operator === 'NotIn').flatMap((requirement) => requirement.values));
    let allowed: readonly string[] | undefined;
    for (const requirement of onKey) {
      if (requirement.operator !== 'In') continue;
      allowed = allowed === undefined ? requirement.values : allowed.filter((value) => requirement.values.includes(value));
    }
    if (allowed !== undefined) {
      const value = allowed.find((candidate) => !excluded.has(candidate));
      if (value === undefined) return undefined;
      labels[key] = value;
    } else if (mustExist || notIn === 'fresh') {
      labels[key] = freshValue;
    }
  }
  return labels;
}
