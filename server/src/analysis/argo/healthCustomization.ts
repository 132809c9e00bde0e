// Finds the Application health check (the Lua that makes app-of-apps waves wait) in argocd-cm or argo-cd chart values.
import { getPath, isRecord } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Span } from '../text/span';
import { parseYamlFile } from '../yaml/parseYamlFile';
import { locate, type ValuePath, type YamlDocument } from '../yaml/yamlDocument';
import { findArgoCdConfiguration } from './argoCdInstallations';
import type { ApplicationHealthCustomization, ArgoConfigLocation } from './types';

/** The split key (current format) holding the Application health Lua. */
export const SPLIT_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';
/** The legacy key holding a YAML block of customisations by `group/Kind`. */
export const LEGACY_CUSTOMIZATIONS_KEY = 'resource.customizations';

/**
 * Finds every Application health customisation and every place argo-cd is configured (for
 * quick-fixes). Searches ConfigMaps named `argocd-cm` and `configs.cm` of values the argo-cd chart
 * uses (see `findArgoCdConfiguration`), in both formats: the split key
 * `resource.customizations.health.argoproj.io_Application` and the legacy `resource.customizations`
 * block (`argoproj.io/Application:` → `health.lua`). `isThisRepository` decides whether a `$ref/…`
 * value file of an Application installing argo-cd is read here; by default any existing file is.
 */
export function findHealthCustomization(
  index: RepoIndex,
  options: { readonly isThisRepository?: (url: string) => boolean } = {},
): { health: ApplicationHealthCustomization[]; configLocations: ArgoConfigLocation[] } {
  // With the default repository test it depends on the index alone: kept across analyses.
  if (options.isThisRepository === undefined) return index.derived('argo/health-customization', (current) => healthCustomizationOf(current, undefined));
  return healthCustomizationOf(index, options.isThisRepository);
}

function healthCustomizationOf(
  index: RepoIndex,
  isThisRepository: ((url: string) => boolean) | undefined,
): { health: ApplicationHealthCustomization[]; configLocations: ArgoConfigLocation[] } {
  const configuration = findArgoCdConfiguration(index, isThisRepository);
  const health: ApplicationHealthCustomization[] = [];
  for (const location of configuration.locations) {
    const document = index.parsed(location.file)?.documents.find((candidate) => candidate.index === location.documentIndex);
    if (!document) continue;
    const map = getPath(document.value, location.mapPath);
    if (!isRecord(map)) continue;
    for (const found of healthInMap(map)) {
      const keyEntry = locate(document, [...location.mapPath, found.key]);
      const span = found.format === 'legacy' ? legacyEntrySpan(index, document, [...location.mapPath, found.key]) : keyEntry?.key;
      health.push({
        format: found.format,
        container: location.container,
        location: { file: location.file, span: span ?? keyEntry?.key ?? document.span },
        readsChildHealth: readsChildHealth(found.lua),
      });
    }
  }
  for (const inline of configuration.valuesStrings) {
    const text = getPath(inline.document.value, inline.valuePath);
    if (typeof text !== 'string') continue;
    const parsed = parseYamlFile('helm.values', text).documents[0]?.value;
    const map = getPath(parsed, ['configs', 'cm']);
    if (!isRecord(map)) continue;
    const entry = locate(inline.document, inline.valuePath);
    for (const found of healthInMap(map)) {
      const needle = found.format === 'legacy' ? LEGACY_APPLICATION_KEY : SPLIT_KEY_PATTERN;
      const span = entry ? (findInSpan(index, inline.document.file, entry.value, needle) ?? entry.key) : undefined;
      health.push({
        format: found.format,
        container: 'helm-values',
        location: { file: inline.document.file, span: span ?? inline.document.span },
        readsChildHealth: readsChildHealth(found.lua),
      });
    }
  }
  health.sort((a, b) => a.location.file.localeCompare(b.location.file) || a.location.span.start - b.location.span.start);
  return { health, configLocations: [...configuration.locations] };
}

/** True when the Lua sets the status from the child's own health, as the documented script does. */
export function readsChildHealth(lua: string): boolean {
  return /\bobj\.status\.health\b/.test(lua);
}

/** Health scripts for Applications in one argocd-cm-like map, with the key that holds each. */
function healthInMap(map: Record<string, unknown>): { format: 'split-key' | 'legacy'; key: string; lua: string }[] {
  const found: { format: 'split-key' | 'legacy'; key: string; lua: string }[] = [];
  const legacy = map[LEGACY_CUSTOMIZATIONS_KEY];
  if (typeof legacy === 'string') {
    const lua = legacyApplicationHealth(legacy);
    if (lua !== undefined) found.push({ format: 'legacy', key: LEGACY_CUSTOMIZATIONS_KEY, lua });
  }
  // Argo CD reads the legacy block first, then overlays the split keys.
  const split = map[SPLIT_HEALTH_KEY];
  if (typeof split === 'string') found.push({ format: 'split-key', key: SPLIT_HEALTH_KEY, lua: split });
  return found;
}

/** The `health.lua` of the entry matching `argoproj.io/Application` in a legacy block (wildcards allowed), if any. */
function legacyApplicationHealth(block: string): string | undefined {
  const parsed = parseYamlFile(LEGACY_CUSTOMIZATIONS_KEY, block).documents[0]?.value;
  if (!isRecord(parsed)) return undefined;
  for (const [pattern, customization] of Object.entries(parsed)) {
    if (!matchesApplication(pattern) || !isRecord(customization)) continue;
    const lua = customization['health.lua'];
    if (typeof lua === 'string') return lua;
  }
  return undefined;
}

/** `group/Kind` patterns of the legacy block; `*` matches any run of characters (code-derived wildcard support). */
function matchesApplication(pattern: string): boolean {
  if (pattern === 'argoproj.io/Application') return true;
  if (!pattern.includes('*')) return false;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test('argoproj.io/Application');
}

/** Inside the legacy block string, the `argoproj.io/Application` key when it is written literally; else the block's key. */
function legacyEntrySpan(index: RepoIndex, document: YamlDocument, path: ValuePath): Span | undefined {
  const entry = locate(document, path);
  if (!entry) return undefined;
  return findInSpan(index, document.file, entry.value, LEGACY_APPLICATION_KEY) ?? entry.key;
}

/** The legacy block's key for Applications (not `…/ApplicationSet`). */
const LEGACY_APPLICATION_KEY = /argoproj\.io\/Application(?![A-Za-z])/;
/** The split key, inside a `helm.values` string. */
const SPLIT_KEY_PATTERN = /resource\.customizations\.health\.argoproj\.io_Application(?![A-Za-z])/;

/** The span of the first match of `needle` within `span` of a file's text. */
function findInSpan(index: RepoIndex, file: string, span: Span, needle: RegExp): Span | undefined {
  const text = index.text(file);
  if (text === undefined) return undefined;
  const match = needle.exec(text.slice(span.start, span.end));
  return match ? { start: span.start + match.index, end: span.start + match.index + match[0].length } : undefined;
}
