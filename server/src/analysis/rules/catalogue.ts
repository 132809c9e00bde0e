// The catalogue: every rule the analyser knows, in documentation order. Tests check it against docs/rules.
import type { RuleMeta } from './rule';
import { aliasLimit } from './parse/alias-limit';
import { binaryFile } from './parse/binary-file';
import { fileCountCap } from './parse/file-count-cap';
import { fileTooLarge } from './parse/file-too-large';
import { nestingTooDeep } from './parse/nesting-too-deep';
import { notUtf8 } from './parse/not-utf8';
import { symlinkEscape } from './parse/symlink-escape';
import { symlinkLoop } from './parse/symlink-loop';
import { templateNotAnalysed } from './parse/template-not-analysed';
import { unreadable } from './parse/unreadable';
import { yamlSyntax } from './parse/yaml-syntax';
import { creationCycle } from './model/creation-cycle';
import { duplicateApplicationName } from './model/duplicate-application-name';
import { invalidConfig } from './model/invalid-config';
import { orphanedApplication } from './model/orphaned-application';
import { sourcePathNotFound } from './model/source-path-not-found';
import { pathEscapesRepository } from './source/path-escapes-repository';
import { kustomizationCycle } from './kustomize/cycle';
import { duplicateResource } from './kustomize/duplicate-resource';
import { fileOutsideRoot } from './kustomize/file-outside-root';
import { invalidKustomization } from './kustomize/invalid-kustomization';
import { invalidPatch } from './kustomize/invalid-patch';
import { jsonPatchFailed } from './kustomize/json-patch-failed';
import { missingResource } from './kustomize/missing-resource';
import { missingGeneratorFile } from './kustomize/missing-generator-file';
import { nonStringValue } from './kustomize/non-string-value';
import { patchMatchesNothing } from './kustomize/patch-matches-nothing';
import { patchTargetNotFound } from './kustomize/patch-target-not-found';
import { helmValuesNotYaml } from './app/helm-values-not-yaml';
import { multipleSourceTypes } from './app/multiple-source-types';
import { refSourceWithChart } from './app/ref-source-with-chart';
import { sourceIgnored } from './app/source-ignored';
import { unknownValueFileRef } from './app/unknown-value-file-ref';
import { valueFileRefWithoutSources } from './app/value-file-ref-without-sources';
import { externalRepository } from './appset/external-repository';
import { generatorPathMatchesNothing } from './appset/generator-path-matches-nothing';
import { invalidGenerator } from './appset/invalid-generator';
import { invalidPathPattern } from './appset/invalid-path-pattern';
import { liveGenerator } from './appset/live-generator';
import { templateError } from './appset/template-error';
import { templatePatchIgnored } from './appset/template-patch-ignored';
import { unsupportedTemplateFunction } from './appset/unsupported-template-function';

/** Every rule, grouped (parse, model, source, kustomize, app, appset) and in documentation order. */
export const RULES: readonly RuleMeta[] = [
  aliasLimit,
  binaryFile,
  fileCountCap,
  fileTooLarge,
  nestingTooDeep,
  notUtf8,
  symlinkEscape,
  symlinkLoop,
  templateNotAnalysed,
  unreadable,
  yamlSyntax,
  creationCycle,
  duplicateApplicationName,
  invalidConfig,
  orphanedApplication,
  sourcePathNotFound,
  pathEscapesRepository,
  kustomizationCycle,
  duplicateResource,
  fileOutsideRoot,
  invalidKustomization,
  invalidPatch,
  jsonPatchFailed,
  missingResource,
  missingGeneratorFile,
  nonStringValue,
  patchMatchesNothing,
  patchTargetNotFound,
  helmValuesNotYaml,
  multipleSourceTypes,
  refSourceWithChart,
  sourceIgnored,
  unknownValueFileRef,
  valueFileRefWithoutSources,
  externalRepository,
  generatorPathMatchesNothing,
  invalidGenerator,
  invalidPathPattern,
  liveGenerator,
  templateError,
  templatePatchIgnored,
  unsupportedTemplateFunction,
];

/** Rule ids that were retired: never reused. */
export const RETIRED_RULE_IDS: readonly string[] = [];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((rule) => [rule.id, rule]));
