// Expands an ApplicationSet offline: runs its generators over the repository and renders its template per parameter set.
import { isRecord, type KubeObject } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import { problem, type Problem, type RuleMeta } from '../rules/rule';
import { templateError } from '../rules/appset/template-error';
import { templatePatchIgnored } from '../rules/appset/template-patch-ignored';
import { unsupportedTemplateFunction } from '../rules/appset/unsupported-template-function';
import type { ValuePath } from '../yaml/yamlDocument';
import type { ExpansionContext, ExpansionResult, GeneratedApplication } from './expansionTypes';
import type { GeneratorEnvironment, ParameterSet } from './generators/generatorTypes';
import { generatorKinds, runGenerator } from './generators/runGenerator';
import { parseYamlValue } from './goTemplate/goSerialize';
import { readGoTemplateOptions } from './goTemplate/goTemplate';
import { mergeParameters } from './mergeParameters';
import { renderString, renderValue, type RenderFailure, type TemplateMode } from './renderTemplate';
import { applyTemplatePatch } from './templatePatch';

/** The finalizer Argo CD adds to generated Applications unless told otherwise. */
export const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

const TEMPLATE_META_KEYS = ['name', 'namespace', 'labels', 'annotations', 'finalizers'] as const;

/**
 * Lists the Applications an ApplicationSet generates from what the repository holds. Generators
 * that need a live system or another repository make the result `incomplete`; every problem is
 * located in the set's file. Never throws.
 */
export function expandApplicationSet(appSet: KubeObject, context: ExpansionContext): ExpansionResult {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  let incomplete = false;
  const report = (rule: RuleMeta, message: string, path: ValuePath, part: 'key' | 'value' = 'key'): void => {
    const location = locateField(context.index, appSet.origin, path, part);
    const identity = `${rule.id}\u0000${message}\u0000${location.span.start}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    problems.push(problem(rule, message, location));
  };
  const spec = isRecord(appSet.body.spec) ? appSet.body.spec : {};
  const mode: TemplateMode = { goTemplate: spec.goTemplate === true, options: readGoTemplateOptions(spec.goTemplateOptions) };
  const environment: GeneratorEnvironment = {
    appSet,
    context,
    mode,
    report,
    markIncomplete: () => {
      incomplete = true;
    },
    run: (input, inherited) => runGenerator(input, environment, inherited),
  };
  const applications: GeneratedApplication[] = [];
  const baseTemplate = isRecord(spec.template) ? spec.template : undefined;
  const generators = Array.isArray(spec.generators) ? spec.generators : [];
  try {
    for (const [index, entry] of generators.entries()) {
      if (!isRecord(entry)) continue;
      const path: ValuePath = ['spec', 'generators', index];
      const sets = environment.run({ generator: entry, path, depth: 0 });
      const kind = generatorKinds(entry)[0] ?? '';
      const template = generatorTemplate(baseTemplate, entry, kind);
      if (!template) continue;
      for (const parameters of sets) {
        const body = renderApplication(template, parameters, spec, environment);
        if (body) applications.push({ body, parameters, generatorPath: [...path, kind] });
      }
    }
  } catch (error) {
    // A bug here must cost one ApplicationSet, not the analysis.
    report(templateError, `Internal error while expanding this ApplicationSet: ${error instanceof Error ? error.message : String(error)}`, ['spec']);
    incomplete = true;
  }
  return { applications, problems, incomplete };
}

/** The set's template, overridden by a top-level generator's own `template` (ignored inside matrix/merge). */
function generatorTemplate(base: Record<string, unknown> | undefined, entry: Readonly<Record<string, unknown>>, kind: string): Record<string, unknown> | undefined {
  const body = entry[kind];
  const own = isRecord(body) && isRecord(body.template) ? body.template : undefined;
  if (!own) return base;
  return base ? mergeParameters(base, own) : own;
}

/** Renders one Application for one parameter set; undefined (with a problem) when Argo CD could not. */
function renderApplication(template: Record<string, unknown>, parameters: ParameterSet, spec: Record<string, unknown>, environment: GeneratorEnvironment): Record<string, unknown> | undefined {
  let rendered: Record<string, unknown>;
  if (Object.keys(parameters).length === 0) {
    // Argo CD returns the template untouched for an empty parameter set (no finalizer either).
    rendered = template;
  } else {
    const outcome = renderValue(template, parameters, environment.mode);
    if (!outcome.ok) {
      reportRenderFailure(outcome, ['spec', 'template', ...outcome.path], environment);
      return undefined;
    }
    rendered = isRecord(outcome.value) ? outcome.value : {};
    rendered = withDefaultFinalizer(rendered, spec);
  }
  if (typeof spec.templatePatch === 'string') {
    const patched = applyPatch(rendered, spec.templatePatch, parameters, environment);
    if (!patched) return undefined;
    rendered = patched;
  }
  return applicationBody(rendered, environment.appSet);
}

function reportRenderFailure(failure: RenderFailure, path: ValuePath, environment: GeneratorEnvironment): void {
  if (failure.unsupportedFunction) {
    environment.report(unsupportedTemplateFunction, `Not evaluated offline: ${failure.error}; the Applications it renders are not listed.`, path, 'value');
    environment.markIncomplete();
  } else {
    environment.report(templateError, `Argo CD cannot render this template: ${failure.error}`, path, 'value');
  }
}

function withDefaultFinalizer(rendered: Record<string, unknown>, spec: Record<string, unknown>): Record<string, unknown> {
  const preserve = isRecord(spec.syncPolicy) && spec.syncPolicy.preserveResourcesOnDeletion === true;
  const metadata = isRecord(rendered.metadata) ? rendered.metadata : {};
  const finalizers = Array.isArray(metadata.finalizers) ? metadata.finalizers : [];
  if (preserve || finalizers.length > 0) return rendered;
  return { ...rendered, metadata: { ...metadata, finalizers: [RESOURCES_FINALIZER] } };
}

function applyPatch(rendered: Record<string, unknown>, patchTemplate: string, parameters: ParameterSet, environment: GeneratorEnvironment): Record<string, unknown> | undefined {
  const patchPath: ValuePath = ['spec', 'templatePatch'];
  if (!environment.mode.goTemplate) {
    environment.report(templatePatchIgnored, 'templatePatch only works with goTemplate: true; it is not applied here.', patchPath);
    return rendered;
  }
  const text = renderString(patchTemplate, parameters, environment.mode);
  if (!text.ok) {
    reportRenderFailure(text, patchPath, environment);
    return undefined;
  }
  const parsed = parseYamlValue(text.value);
  if (!parsed.ok || (parsed.value !== null && !isRecord(parsed.value))) {
    environment.report(templateError, `templatePatch does not render to a YAML/JSON map${parsed.ok ? '' : `: ${parsed.error}`}; Argo CD fails these Applications.`, patchPath, 'value');
    return undefined;
  }
  if (parsed.value === null) return rendered;
  const patch = { ...(parsed.value as Record<string, unknown>) };
  if (isRecord(patch.spec) && Object.hasOwn(patch.spec, 'project')) {
    environment.report(templatePatchIgnored, 'templatePatch cannot change spec.project; that part of the patch is ignored here (set the project in template.spec.project).', patchPath);
    const { project: _project, ...rest } = patch.spec;
    patch.spec = rest;
  }
  return applyTemplatePatch(rendered, patch);
}

/** The generated Application: the template's metadata fields, the set's namespace, and the spec. */
function applicationBody(rendered: Record<string, unknown>, appSet: KubeObject): Record<string, unknown> {
  const templateMetadata = isRecord(rendered.metadata) ? rendered.metadata : {};
  const metadata: Record<string, unknown> = {};
  for (const key of TEMPLATE_META_KEYS) if (templateMetadata[key] !== undefined) metadata[key] = templateMetadata[key];
  // Argo CD always puts generated Applications in the set's own namespace, whatever the template says.
  if (appSet.namespace !== undefined) metadata.namespace = appSet.namespace;
  else delete metadata.namespace;
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata, spec: isRecord(rendered.spec) ? rendered.spec : {} };
}
