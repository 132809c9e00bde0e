// Reads one Application source (`spec.source` or an entry of `spec.sources`) into the contract type.
import { isRecord } from '../kube/kubeObject';
import type { DirectoryOptions, KustomizeOverrides } from '../sources/sourceRender';
import type { ValuePath } from '../yaml/yamlDocument';
import { parseYamlFile } from '../yaml/parseYamlFile';
import type { ApplicationSource, HelmSourceOptions } from './types';
import { asNonEmptyString, asString, isTemplated, isTrue, isZeroValue, stringItems, stringMap } from './plainValues';

/** The tool blocks of a source, in the order Argo CD's `ExplicitType` lists them. */
export const TOOL_BLOCKS = ['kustomize', 'helm', 'directory', 'plugin'] as const;

/** One of the tool blocks of a source. */
export type ToolBlock = (typeof TOOL_BLOCKS)[number];

/** A source read from the object, with what its reader noticed (the caller turns it into problems). */
export interface ReadSource {
  readonly source: ApplicationSource;
  /** Tool blocks that select a tool (non-empty, or `plugin` even when empty), in Argo CD's order. */
  readonly toolBlocks: readonly ToolBlock[];
  /** Set when `helm.values` is a string that is not a YAML map (why, in words). */
  readonly helmValuesError: string | undefined;
}

/**
 * Reads a source. Tool blocks whose content is all zero values (`helm: {}`, `directory: {recurse: false}`)
 * count as absent, as Argo CD's `NormalizeSource` nils them out; `plugin: {}` is kept (it asks for
 * plugin discovery). `include`/`exclude` keep a directory block, as `NormalizeSource` does.
 */
export function readApplicationSource(raw: unknown, fieldPath: ValuePath, sourceIndex: number | undefined): ReadSource {
  const record = isRecord(raw) ? raw : {};
  const helmBlock = isRecord(record.helm) && !isZeroValue(record.helm) ? record.helm : undefined;
  const kustomizeBlock = isRecord(record.kustomize) && !isZeroValue(record.kustomize) ? record.kustomize : undefined;
  const directoryBlock = isRecord(record.directory) && !isZeroValue(record.directory) ? record.directory : undefined;
  const pluginPresent = isRecord(record.plugin);
  const helm = helmBlock ? readHelm(helmBlock) : undefined;
  const present: Record<ToolBlock, boolean> = {
    kustomize: kustomizeBlock !== undefined,
    helm: helmBlock !== undefined,
    directory: directoryBlock !== undefined,
    plugin: pluginPresent,
  };
  return {
    source: {
      sourceIndex,
      fieldPath,
      repoURL: asNonEmptyString(record.repoURL),
      path: asString(record.path),
      chart: asNonEmptyString(record.chart),
      targetRevision: asNonEmptyString(record.targetRevision),
      ref: asNonEmptyString(record.ref),
      helm: helm?.options,
      kustomize: kustomizeBlock ? readKustomize(kustomizeBlock) : undefined,
      directory: directoryBlock ? readDirectory(directoryBlock) : undefined,
      plugin: pluginPresent,
    },
    toolBlocks: TOOL_BLOCKS.filter((block) => present[block]),
    helmValuesError: helm?.valuesError,
  };
}

function readHelm(block: Record<string, unknown>): { options: HelmSourceOptions; valuesError: string | undefined } {
  const inline = readInlineValues(block);
  return {
    options: {
      valueFiles: stringItems(block.valueFiles),
      values: inline.values,
      releaseName: asNonEmptyString(block.releaseName),
      ignoreMissingValueFiles: isTrue(block.ignoreMissingValueFiles),
      skipCrds: isTrue(block.skipCrds),
    },
    valuesError: inline.error,
  };
}

/**
 * Argo CD's `ValuesYAML`: a non-null `valuesObject` replaces the `values` string entirely (they are
 * not merged); otherwise the `values` string is what Helm reads.
 */
function readInlineValues(block: Record<string, unknown>): { values: Record<string, unknown> | undefined; error: string | undefined } {
  if (isRecord(block.valuesObject)) return { values: block.valuesObject, error: undefined };
  const text = block.values;
  // A map written under `values` (not the documented string) still says what the values are.
  if (isRecord(text)) return { values: text, error: undefined };
  if (typeof text !== 'string' || text.trim() === '') return { values: undefined, error: undefined };
  // Template placeholders (an ApplicationSet template not yet expanded, a Helm-rendered Application)
  // mean something renders the string first: its values are unknown, not wrong.
  if (isTemplated(text)) return { values: undefined, error: undefined };
  const parsed = parseYamlFile('helm.values', text);
  if (parsed.problems.length > 0 || parsed.status !== 'yaml') {
    const reason = parsed.problems[0]?.message.replace(/;? this document is not analysed\.$/, '');
    return { values: undefined, error: reason ?? 'it does not parse as YAML' };
  }
  const value = parsed.documents[0]?.value;
  if (value === null || value === undefined) return { values: undefined, error: undefined };
  if (!isRecord(value)) return { values: undefined, error: `it is a YAML ${Array.isArray(value) ? 'list' : typeof value}, not a map` };
  return { values: value, error: undefined };
}

function readKustomize(block: Record<string, unknown>): KustomizeOverrides {
  const overrides: { -readonly [K in keyof KustomizeOverrides]: KustomizeOverrides[K] } = {};
  const namePrefix = asNonEmptyString(block.namePrefix);
  if (namePrefix !== undefined) overrides.namePrefix = namePrefix;
  const nameSuffix = asNonEmptyString(block.nameSuffix);
  if (nameSuffix !== undefined) overrides.nameSuffix = nameSuffix;
  const namespace = asNonEmptyString(block.namespace);
  if (namespace !== undefined) overrides.namespace = namespace;
  const commonLabels = stringMap(block.commonLabels);
  if (commonLabels && Object.keys(commonLabels).length > 0) overrides.commonLabels = commonLabels;
  const commonAnnotations = stringMap(block.commonAnnotations);
  if (commonAnnotations && Object.keys(commonAnnotations).length > 0) overrides.commonAnnotations = commonAnnotations;
  if (Array.isArray(block.patches) && block.patches.length > 0) overrides.patches = block.patches;
  const components = stringItems(block.components);
  if (components.length > 0) overrides.components = components;
  return overrides;
}

function readDirectory(block: Record<string, unknown>): DirectoryOptions {
  return {
    recurse: isTrue(block.recurse),
    include: asNonEmptyString(block.include),
    exclude: asNonEmptyString(block.exclude),
  };
}
