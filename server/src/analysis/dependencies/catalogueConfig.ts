// Reads the project's `catalogue:` additions (from .gitops-waves.yaml) into catalogue entries, listing malformed parts.
import type { ProjectConfig } from '../config/projectConfig';
import { isRecord } from '../kube/kubeObject';
import type { ValuePath } from '../yaml/yamlDocument';
import { PROVIDED_OBJECT_KINDS, type CatalogueCrds, type CatalogueEntry, type CatalogueObject, type CrdPlacement, type ProvidedObjectKind, type ValuesCondition } from './catalogueTypes';

/** Something wrong in a `catalogue:` entry: what, and where (a path into the config document). */
export interface CatalogueIssue {
  readonly message: string;
  readonly path: ValuePath;
  /** Point at the key rather than the value (an unknown key). */
  readonly atKey?: boolean;
}

const ENTRY_KEYS = new Set(['chart', 'charts', 'repo', 'repos', 'remoteResources', 'crds', 'provides']);
const CRD_KEYS = new Set(['group', 'kinds', 'clusterScoped', 'placement', 'when']);
const OBJECT_KEYS = new Set(['kind', 'name', 'nameFrom', 'when', 'isDefault', 'atRuntime']);
const PLACEMENTS: readonly CrdPlacement[] = ['crds-folder', 'templates', 'runtime'];

/** The valid parts of the config's catalogue entries, and an issue for each malformed part (which is skipped). */
export function readCatalogueConfig(config: ProjectConfig): { entries: CatalogueEntry[]; issues: CatalogueIssue[] } {
  const entries: CatalogueEntry[] = [];
  const issues: CatalogueIssue[] = [];
  config.catalogue.forEach((raw, position) => {
    const entry = readEntry(raw, ['catalogue', position], issues, config.file ?? 'config');
    if (entry) entries.push(entry);
  });
  return { entries, issues };
}

function readEntry(raw: unknown, path: ValuePath, issues: CatalogueIssue[], source: string): CatalogueEntry | undefined {
  if (!isRecord(raw)) {
    issues.push({ message: 'A catalogue entry must be a map with `charts` (or `remoteResources`) and `crds` and/or `provides`.', path });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(key)) issues.push({ message: `Unknown key \`${key}\` in a catalogue entry (expected ${[...ENTRY_KEYS].join(', ')}).`, path: [...path, key], atKey: true });
  }
  const charts = [...stringOrList(raw.chart, [...path, 'chart'], issues), ...stringOrList(raw.charts, [...path, 'charts'], issues)];
  const repos = [...stringOrList(raw.repo, [...path, 'repo'], issues), ...stringOrList(raw.repos, [...path, 'repos'], issues)];
  const remoteResources = stringOrList(raw.remoteResources, [...path, 'remoteResources'], issues);
  if (charts.length === 0 && remoteResources.length === 0) {
    issues.push({ message: 'A catalogue entry needs `charts` (chart names) or `remoteResources` (URL substrings).', path });
    return undefined;
  }
  const crds = listOf(raw.crds, [...path, 'crds'], issues, readCrds);
  const provides = listOf(raw.provides, [...path, 'provides'], issues, readObject);
  if (crds.length === 0 && provides.length === 0) {
    issues.push({ message: 'A catalogue entry provides nothing: add `crds` or `provides`.', path });
    return undefined;
  }
  return { charts, ...(repos.length > 0 ? { repos } : {}), ...(remoteResources.length > 0 ? { remoteResources } : {}), crds, provides, source };
}

function readCrds(raw: unknown, path: ValuePath, issues: CatalogueIssue[]): CatalogueCrds | undefined {
  if (!isRecord(raw)) return fail(issues, 'A `crds` item must be a map with `group` and `kinds`.', path);
  unknownKeys(raw, CRD_KEYS, path, issues);
  if (typeof raw.group !== 'string' || raw.group === '' || !/^[a-z0-9.-]+$/.test(raw.group)) {
    return fail(issues, '`group` must be an API group such as `example.com` (lowercase, no version).', [...path, 'group']);
  }
  const kinds = stringOrList(raw.kinds, [...path, 'kinds'], issues);
  if (kinds.length === 0) return fail(issues, '`kinds` must list at least one kind.', [...path, 'kinds']);
  const badKind = kinds.find((kind) => !/^[A-Z][A-Za-z0-9]*$/.test(kind));
  if (badKind !== undefined) return fail(issues, `Kind \`${badKind}\` must be written as in \`kind:\` (e.g. \`Certificate\`, not \`certificates\`).`, [...path, 'kinds']);
  const clusterScoped = stringOrList(raw.clusterScoped, [...path, 'clusterScoped'], issues).filter((kind) => {
    if (kinds.includes(kind)) return true;
    issues.push({ message: `\`clusterScoped\` kind \`${kind}\` is not in \`kinds\`.`, path: [...path, 'clusterScoped'] });
    return false;
  });
  let placement: CrdPlacement = 'templates';
  if (raw.placement !== undefined) {
    if (typeof raw.placement === 'string' && (PLACEMENTS as readonly string[]).includes(raw.placement)) placement = raw.placement as CrdPlacement;
    else issues.push({ message: `\`placement\` must be one of ${PLACEMENTS.join(', ')}; using templates.`, path: [...path, 'placement'] });
  }
  const when = readCondition(raw.when, [...path, 'when'], issues);
  return { group: raw.group, kinds, ...(clusterScoped.length > 0 ? { clusterScoped } : {}), placement, ...(when ? { when } : {}) };
}

function readObject(raw: unknown, path: ValuePath, issues: CatalogueIssue[]): CatalogueObject | undefined {
  if (!isRecord(raw)) return fail(issues, 'A `provides` item must be a map with `kind` and `name`.', path);
  unknownKeys(raw, OBJECT_KEYS, path, issues);
  if (typeof raw.kind !== 'string' || !(PROVIDED_OBJECT_KINDS as readonly string[]).includes(raw.kind)) {
    return fail(issues, `\`kind\` must be one of ${PROVIDED_OBJECT_KINDS.join(', ')}.`, [...path, 'kind']);
  }
  if (typeof raw.name !== 'string' || raw.name === '') return fail(issues, '`name` must be a non-empty string.', [...path, 'name']);
  if (raw.nameFrom !== undefined && typeof raw.nameFrom !== 'string') return fail(issues, '`nameFrom` must be a dotted values path.', [...path, 'nameFrom']);
  if (raw.atRuntime !== undefined && typeof raw.atRuntime !== 'boolean') return fail(issues, '`atRuntime` must be true or false.', [...path, 'atRuntime']);
  const when = readCondition(raw.when, [...path, 'when'], issues);
  const isDefault = typeof raw.isDefault === 'boolean' ? raw.isDefault : readCondition(raw.isDefault, [...path, 'isDefault'], issues);
  return {
    kind: raw.kind as ProvidedObjectKind,
    name: raw.name,
    ...(typeof raw.nameFrom === 'string' ? { nameFrom: raw.nameFrom } : {}),
    ...(when ? { when } : {}),
    ...(isDefault !== undefined ? { isDefault } : {}),
    ...(raw.atRuntime === true ? { atRuntime: true } : {}),
  };
}

/** `when: { anyOf: [a.b, c], default: false }`, or `when: a.b` (one path, default false). */
function readCondition(raw: unknown, path: ValuePath, issues: CatalogueIssue[]): ValuesCondition | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && raw !== '') return { anyOf: [raw], default: false };
  if (!isRecord(raw)) return fail(issues, 'A condition is a values path, or a map `{anyOf: [paths], default: true|false}`.', path);
  const anyOf = stringOrList(raw.anyOf, [...path, 'anyOf'], issues);
  if (anyOf.length === 0) return fail(issues, '`anyOf` must list at least one values path.', [...path, 'anyOf']);
  if (raw.default !== undefined && typeof raw.default !== 'boolean') return fail(issues, '`default` must be true or false.', [...path, 'default']);
  return { anyOf, default: raw.default === true };
}

function listOf<T>(raw: unknown, path: ValuePath, issues: CatalogueIssue[], read: (item: unknown, path: ValuePath, issues: CatalogueIssue[]) => T | undefined): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return fail(issues, 'Expected a list.', path) ?? [];
  const items: T[] = [];
  raw.forEach((item, position) => {
    const value = read(item, [...path, position], issues);
    if (value !== undefined) items.push(value);
  });
  return items;
}

function stringOrList(raw: unknown, path: ValuePath, issues: CatalogueIssue[]): string[] {
  if (raw === undefined) return [];
  if (typeof raw === 'string' && raw !== '') return [raw];
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string' && item !== '')) return raw as string[];
  issues.push({ message: 'Expected a string or a list of strings.', path });
  return [];
}

function unknownKeys(raw: Record<string, unknown>, known: ReadonlySet<string>, path: ValuePath, issues: CatalogueIssue[]): void {
  for (const key of Object.keys(raw)) if (!known.has(key)) issues.push({ message: `Unknown key \`${key}\` (expected ${[...known].join(', ')}).`, path: [...path, key], atKey: true });
}

function fail(issues: CatalogueIssue[], message: string, path: ValuePath): undefined {
  issues.push({ message, path });
  return undefined;
}
