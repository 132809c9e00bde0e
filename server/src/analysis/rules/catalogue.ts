// The catalogue: every rule the analyser knows, in documentation order. Tests check it against docs/rules.
import type { RuleMeta } from './rule';
import { aliasLimit } from './parse/alias-limit';
import { binaryFile } from './parse/binary-file';
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

/** Every rule, in documentation order. */
export const RULES: readonly RuleMeta[] = [
  yamlSyntax,
  templateNotAnalysed,
  nestingTooDeep,
  aliasLimit,
  fileTooLarge,
  binaryFile,
  notUtf8,
  unreadable,
  symlinkEscape,
  symlinkLoop,
  invalidConfig,
  orphanedApplication,
  creationCycle,
  sourcePathNotFound,
  duplicateApplicationName,
];

/** Rule ids that were retired: never reused. */
export const RETIRED_RULE_IDS: readonly string[] = [];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, RuleMeta> = new Map(RULES.map((rule) => [rule.id, rule]));
