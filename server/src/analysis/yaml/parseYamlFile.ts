// Parses one file's text into YAML documents plus problems; never throws.
import { parseAllDocuments } from 'yaml';
import type { Problem } from '../rules/rule';
import { problem } from '../rules/rule';
import { aliasLimit } from '../rules/parse/alias-limit';
import { nestingTooDeep } from '../rules/parse/nesting-too-deep';
import { templateNotAnalysed } from '../rules/parse/template-not-analysed';
import { yamlSyntax } from '../rules/parse/yaml-syntax';
import { fastDocumentValues } from './fastValues';
import { lazilyLocatedDocuments, YAML_PARSE_OPTIONS } from './lazyDocuments';
import { findExcessiveNesting, DEFAULT_MAX_NESTING } from './nestingGuard';
import type { YamlDocument } from './yamlDocument';

/** Limits applied while parsing. */
export interface ParseLimits {
  /** Deepest nesting accepted (pre-scan, before `yaml` runs). */
  readonly maxNesting: number;
  /** Most alias expansions in one document. */
  readonly maxAliasCount: number;
}

/** Defaults: nesting 100, aliases 100. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxNesting: DEFAULT_MAX_NESTING, maxAliasCount: 100 };

/** The documents of a file and what went wrong reading it. */
export interface ParsedFile {
  readonly file: string;
  /** `yaml`: parsed; `template`: Go-templated, not analysed; `rejected`: not parsed at all. */
  readonly status: 'yaml' | 'template' | 'rejected';
  /** Documents that parsed (broken documents of a stream are left out). */
  readonly documents: readonly YamlDocument[];
  readonly problems: readonly Problem[];
}

/** True when the text carries Go-template actions (`{{ … }}`) outside comments. */
export function looksGoTemplated(text: string): boolean {
  return /^[^#\n]*\{\{-?\s*(\.|\$|if\b|range\b|with\b|end\b|else\b|include\b|template\b|define\b|toYaml\b|tpl\b|-|\/\*)/m.test(text);
}

/**
 * Parses a YAML (or JSON, which is YAML) file. Documents with errors are dropped and reported;
 * the rest are kept. A Go-templated file that fails to parse is reported once as a template.
 *
 * Most files take the fast path: js-yaml gives the values (about 5× faster than `yaml`, and no
 * syntax tree is kept), and `yaml` parses the file only if a position in it is ever asked for
 * (`tree`, `span`). Whatever the fast path cannot vouch for goes to {@link parseYamlFileWithYaml},
 * whose result it reproduces exactly.
 */
export function parseYamlFile(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedFile {
  const rejected = nestingRejection(file, text, limits);
  if (rejected) return rejected;
  const values = fastDocumentValues(text);
  if (values) return { file, status: 'yaml', documents: lazilyLocatedDocuments(file, text, values), problems: [] };
  return parseAfterNestingGuard(file, text, limits);
}

/**
 * The reference parse: `yaml` alone, every document's tree built at once. {@link parseYamlFile}
 * gives the same result (values, documents, spans, problems) faster.
 */
export function parseYamlFileWithYaml(file: string, text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedFile {
  return nestingRejection(file, text, limits) ?? parseAfterNestingGuard(file, text, limits);
}

/** The rejection of a text nested deeper than the limit, before any parser sees it (`yaml` can crash the process on it). */
function nestingRejection(file: string, text: string, limits: ParseLimits): ParsedFile | undefined {
  const tooDeep = findExcessiveNesting(text, limits.maxNesting);
  if (tooDeep) {
    return {
      file,
      status: 'rejected',
      documents: [],
      problems: [
        problem(nestingTooDeep, `Nesting deeper than ${limits.maxNesting} levels; the file was not parsed.`, {
          file,
          span: { start: tooDeep.offset, end: tooDeep.offset + 1 },
        }),
      ],
    };
  }
  return undefined;
}

function parseAfterNestingGuard(file: string, text: string, limits: ParseLimits): ParsedFile {
  let streamDocuments;
  try {
    streamDocuments = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  } catch (error) {
    return { file, status: 'rejected', documents: [], problems: [problem(yamlSyntax, `YAML parser failed: ${describe(error)}`, { file, span: { start: 0, end: 0 } })] };
  }
  const rawDocuments = Array.isArray(streamDocuments) ? streamDocuments : [];
  const hasErrors = rawDocuments.some((document) => document.errors.length > 0);
  if (hasErrors && looksGoTemplated(text)) {
    return {
      file,
      status: 'template',
      documents: [],
      problems: [problem(templateNotAnalysed, 'Go-templated file: it is YAML only once rendered, so it is not analysed.', { file, span: { start: 0, end: 0 } })],
    };
  }
  const documents: YamlDocument[] = [];
  const problems: Problem[] = [];
  rawDocuments.forEach((document, index) => {
    const range = document.range;
    const span = { start: range[0], end: range[2] };
    const firstError = document.errors[0];
    if (firstError) {
      const [start, end] = firstError.pos;
      const more = document.errors.length > 1 ? ` (and ${document.errors.length - 1} more)` : '';
      problems.push(problem(yamlSyntax, `${firstError.message.split('\n')[0]}${more}; this document is not analysed.`, { file, span: { start, end: Math.max(end, start) } }));
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (error) {
      problems.push(problem(aliasLimit, `Document not analysed: ${describe(error)}`, { file, span }));
      return;
    }
    documents.push({ file, index, span, value: value ?? null, tree: document });
  });
  return { file, status: 'yaml', documents, problems };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
}
