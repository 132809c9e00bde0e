// Looks up catalogue entries for a chart or a remote resource, and decides values conditions for one install.
import { ShortKeys } from '../incremental/shortKeys';
import type { RepoIndex } from '../repoIndex';
import type { CatalogueEntry, ValuesCondition } from './catalogueTypes';
import { chartValue, type InstalledChart } from './installedCharts';

/** A catalogue indexed by chart name (built once per analysis). */
export class ChartCatalogue {
  readonly #byChart = new Map<string, CatalogueEntry[]>();
  readonly #remote: CatalogueEntry[] = [];

  /** Identifies the entries (for memo keys): equal keys, equal catalogues. */
  readonly key: string;

  /** Indexes the entries; later entries add to earlier ones for the same chart. */
  constructor(entries: readonly CatalogueEntry[]) {
    this.key = catalogueKey(entries);
    for (const entry of entries) {
      for (const chart of entry.charts) this.#byChart.set(chart, [...(this.#byChart.get(chart) ?? []), entry]);
      if (entry.remoteResources && entry.remoteResources.length > 0) this.#remote.push(entry);
    }
  }

  /** Entries for a chart name whose repository patterns (if any) match the chart's repository URL. */
  forChart(name: string, repo: string | undefined): CatalogueEntry[] {
    return (this.#byChart.get(name) ?? []).filter((entry) => !entry.repos || entry.repos.length === 0 || (repo !== undefined && entry.repos.some((pattern) => repo.toLowerCase().includes(pattern.toLowerCase()))));
  }

  /** Entries one of whose remote resource patterns is a substring of the URL. */
  forRemoteResource(url: string): CatalogueEntry[] {
    return this.#remote.filter((entry) => (entry.remoteResources ?? []).some((pattern) => url.includes(pattern)));
  }
}

/** Whether a condition holds for one install: `unknown` when the flag is unset and the values are not all here. */
export interface ConditionOutcome {
  readonly holds: 'yes' | 'no' | 'unknown';
  /** Words for a reason, e.g. "crds.enabled is true", "crds.enabled or installCRDs is unset; values not all in this repository". */
  readonly explanation: string;
}

/** Decides a values condition for an installed chart. */
export function evaluateCondition(index: RepoIndex, chart: InstalledChart, condition: ValuesCondition | undefined): ConditionOutcome {
  if (!condition) return { holds: 'yes', explanation: '' };
  const names = condition.anyOf.join(' or ');
  let anySet = false;
  for (const path of condition.anyOf) {
    const value = chartValue(index, chart, path);
    if (value === undefined) continue;
    anySet = true;
    if (value === true || value === 'true') return { holds: 'yes', explanation: `${path} is true` };
  }
  if (anySet) return { holds: 'no', explanation: `${names} is false` };
  if (!chart.valuesComplete) {
    const rule = condition.default ? `unless ${names} is false` : `only when ${names} is true`;
    return { holds: 'unknown', explanation: `${rule}; some values are outside this repository, so unknown` };
  }
  return condition.default ? { holds: 'yes', explanation: `${names} defaults to true` } : { holds: 'no', explanation: `${names} defaults to false` };
}

/** A string value of a chart's values, when set and not templated. */
export function chartString(index: RepoIndex, chart: InstalledChart, dottedPath: string | undefined): string | undefined {
  if (dottedPath === undefined) return undefined;
  const value = chartValue(index, chart, dottedPath);
  return typeof value === 'string' && value !== '' && !value.includes('{{') ? value : undefined;
}

/** Keys by entry list: the built-in list alone is the usual case, and its key is built once. */
const keysByEntries = new WeakMap<readonly CatalogueEntry[], string>();

/** Short keys by catalogue contents (a catalogue is long: the built-in one alone is tens of kilobytes). */
const catalogueKeys = new ShortKeys('catalogue', 64);

function catalogueKey(entries: readonly CatalogueEntry[]): string {
  let key = keysByEntries.get(entries);
  if (key === undefined) keysByEntries.set(entries, (key = catalogueKeys.keyOf(JSON.stringify(entries))));
  return key;
}
