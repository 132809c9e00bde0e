// Reads an Application object into the model's ApplicationSpec, reporting what Argo CD would certainly refuse.
import { ObjectReadMemo } from '../incremental/readMemo';
import { getPath, isRecord, type KubeObject } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import type { RepoIndex } from '../repoIndex';
import type { SourceLocation } from '../text/span';
import type { ValuePath } from '../yaml/yamlDocument';
import { problem, type Problem } from '../rules/rule';
import { helmValuesNotYaml } from '../rules/app/helm-values-not-yaml';
import { multipleSourceTypes } from '../rules/app/multiple-source-types';
import { refSourceWithChart } from '../rules/app/ref-source-with-chart';
import { sourceIgnored } from '../rules/app/source-ignored';
import { unknownValueFileRef } from '../rules/app/unknown-value-file-ref';
import { valueFileRefWithoutSources } from '../rules/app/value-file-ref-without-sources';
import { filesUsedAsPatches } from './patchFragments';
import { asNonEmptyString, isTrue, isZeroValue } from './plainValues';
import { readApplicationSource, type ReadSource, type ToolBlock } from './readApplicationSource';
import type { ApplicationSpec, ApplicationSyncPolicy } from './types';

/** How Argo CD names each tool in "multiple application sources defined: …". */
const TOOL_NAMES: Readonly<Record<ToolBlock, string>> = { kustomize: 'Kustomize', helm: 'Helm', directory: 'Directory', plugin: 'Plugin' };

/**
 * Reads an Application. `spec.sources` (when a non-empty list) wins and `spec.source` is ignored,
 * as in Argo CD. Kustomize patch fragments (`looksLikePatch`) are read the same way but never
 * reported. Never throws; wrong types read as absent.
 */
export function readApplication(object: KubeObject, index: RepoIndex): { application: ApplicationSpec; problems: readonly Problem[] } {
  // Objects are kept across analyses (parse cache, kept renders): each is read again only when a file it looked at changed.
  return readings.get(index, object, () => readApplicationObject(object, index));
}

const readings = new ObjectReadMemo<KubeObject, { application: ApplicationSpec; problems: readonly Problem[] }>();

function readApplicationObject(object: KubeObject, index: RepoIndex): { application: ApplicationSpec; problems: Problem[] } {
  const spec = isRecord(object.body.spec) ? object.body.spec : {};
  const usesSources = Array.isArray(spec.sources) && spec.sources.length > 0;
  const readSources: ReadSource[] = usesSources
    ? (spec.sources as unknown[]).map((raw, position) => readApplicationSource(raw, ['spec', 'sources', position], position))
    : isRecord(spec.source)
      ? [readApplicationSource(spec.source, ['spec', 'source'], undefined)]
      : [];
  const destination = isRecord(spec.destination) ? spec.destination : undefined;
  const application: ApplicationSpec = {
    object,
    name: object.name,
    project: asNonEmptyString(spec.project),
    sources: readSources.map((read) => read.source),
    destination: {
      server: asNonEmptyString(destination?.server),
      name: asNonEmptyString(destination?.name),
      namespace: asNonEmptyString(destination?.namespace),
    },
    syncPolicy: readSyncPolicy(spec.syncPolicy),
    looksLikePatch: looksLikePatch(object, spec, readSources, index),
  };
  const problems = application.looksLikePatch ? [] : applicationProblems(object, index, spec, usesSources, readSources);
  return { application, problems };
}

/**
 * A Kustomize patch fragment rather than a whole Application: a kustomization uses its file as a
 * patch, or it lacks at least two of what every whole Application has (a destination, a project,
 * a source with a `repoURL` or `chart`). A whole Application may omit only the project (it then
 * runs in `default`).
 */
function looksLikePatch(object: KubeObject, spec: Record<string, unknown>, sources: readonly ReadSource[], index: RepoIndex): boolean {
  if (object.origin.path.length === 0 && filesUsedAsPatches(index).has(object.origin.file)) return true;
  const hasDestination = isRecord(spec.destination);
  const hasProject = asNonEmptyString(spec.project) !== undefined;
  const hasSourceOrigin = sources.some(({ source }) => source.repoURL !== undefined || source.chart !== undefined);
  const missing = [hasDestination, hasProject, hasSourceOrigin].filter((present) => !present).length;
  return missing >= 2;
}

function readSyncPolicy(raw: unknown): ApplicationSyncPolicy {
  const policy = isRecord(raw) ? raw : {};
  const automated = isRecord(policy.automated) ? policy.automated : undefined;
  const syncOptions = new Map<string, string>();
  if (Array.isArray(policy.syncOptions)) {
    for (const option of policy.syncOptions) {
      if (typeof option !== 'string') continue;
      // Argo CD compares options as written (`HasOption("CreateNamespace=true")`): no trimming here.
      const equals = option.indexOf('=');
      if (equals < 0) syncOptions.set(option, '');
      else syncOptions.set(option.slice(0, equals), option.slice(equals + 1));
    }
  }
  return {
    // Newer Argo CD versions accept `automated.enabled: false` to keep the block but switch it off.
    automated: automated !== undefined && automated.enabled !== false,
    prune: isTrue(automated?.prune),
    selfHeal: isTrue(automated?.selfHeal),
    syncOptions,
    managedNamespaceMetadata: isRecord(policy.managedNamespaceMetadata),
  };
}

function applicationProblems(
  object: KubeObject,
  index: RepoIndex,
  spec: Record<string, unknown>,
  usesSources: boolean,
  readSources: readonly ReadSource[],
): Problem[] {
  const problems: Problem[] = [];
  const at = (fieldPath: ValuePath, part: 'key' | 'value' = 'key'): SourceLocation => locateField(index, object.origin, fieldPath, part);
  if (usesSources && isRecord(spec.source) && !isZeroValue(spec.source)) {
    problems.push(problem(sourceIgnored, 'Argo CD ignores `spec.source` when `spec.sources` is set; move this source into `spec.sources` or delete it.', at(['spec', 'source'])));
  }
  for (const read of readSources) {
    const { source, toolBlocks } = read;
    if (toolBlocks.length > 1) {
      const names = toolBlocks.map((block) => TOOL_NAMES[block]).join(',');
      problems.push(
        problem(
          multipleSourceTypes,
          `Argo CD refuses this source ("multiple application sources defined: ${names}"): keep only one of ${toolBlocks.join(', ')}.`,
          at([...source.fieldPath, toolBlocks[1] ?? 'helm']),
          toolBlocks.slice(0, 1).map((block) => ({ message: `first tool block: ${block}`, location: at([...source.fieldPath, block]) })),
        ),
      );
    }
    if (read.helmValuesError !== undefined) {
      problems.push(problem(helmValuesNotYaml, `Helm cannot read \`helm.values\`: ${read.helmValuesError}.`, at([...source.fieldPath, 'helm', 'values'])));
    }
  }
  problems.push(...valueFileRefProblems(spec, usesSources, readSources, at));
  return problems;
}

/** `$name/…` value files: resolved only in multi-source Applications, against sources with `ref: name`. */
function valueFileRefProblems(
  spec: Record<string, unknown>,
  usesSources: boolean,
  readSources: readonly ReadSource[],
  at: (fieldPath: ValuePath, part?: 'key' | 'value') => SourceLocation,
): Problem[] {
  const problems: Problem[] = [];
  const refs = new Map<string, ReadSource>();
  for (const read of readSources) if (read.source.ref !== undefined && !refs.has(`$${read.source.ref}`)) refs.set(`$${read.source.ref}`, read);
  for (const { source } of readSources) {
    const rawValueFiles = getPath(spec, [...source.fieldPath.slice(1), 'helm', 'valueFiles']);
    if (!Array.isArray(rawValueFiles)) continue;
    rawValueFiles.forEach((valueFile: unknown, position) => {
      if (typeof valueFile !== 'string' || !valueFile.startsWith('$')) return;
      const valueFilePath = [...source.fieldPath, 'helm', 'valueFiles', position];
      const refVariable = valueFile.split('/')[0] ?? valueFile;
      if (!usesSources) {
        problems.push(
          problem(
            valueFileRefWithoutSources,
            `\`${refVariable}\` refs are resolved only in Applications with \`spec.sources\`; here \`${valueFile}\` is read as a path inside the source.`,
            at(valueFilePath, 'value'),
          ),
        );
        return;
      }
      const target = refs.get(refVariable);
      if (!target) {
        const message =
          refs.size === 0
            ? `Manifest generation fails: source referenced "${refVariable}", but no source has a 'ref' field defined.`
            : `Manifest generation fails: source referenced "${refVariable}", which is not one of the available sources (${[...refs.keys()].sort().join(', ')}).`;
        problems.push(problem(unknownValueFileRef, message, at(valueFilePath, 'value')));
        return;
      }
      if (target.source.chart !== undefined) {
        problems.push(
          problem(
            refSourceWithChart,
            `Source \`ref: ${target.source.ref ?? ''}\` also has \`chart: ${target.source.chart}\`: Argo CD does not support charts in \`ref\` sources, so \`${valueFile}\` fails.`,
            at([...target.source.fieldPath, 'chart']),
            [{ message: `referenced by ${valueFile}`, location: at(valueFilePath, 'value') }],
          ),
        );
      }
    });
  }
  return problems;
}
