// Entry point of the Go text/template engine used for `goTemplate: true` ApplicationSets; never throws.
import { GoTemplateError } from './goTemplateError';
import { executeGoTemplate, type MissingKeyMode } from './goTemplateEvaluator';
import { GO_TEMPLATE_FUNCTIONS } from './goTemplateFunctions';
import { lexGoTemplate } from './goTemplateLexer';
import { parseGoTemplate } from './goTemplateParser';
import { ARGO_TEMPLATE_FUNCTION_NAMES } from './sprigFunctionNames';
import { toGoValue } from './goValues';
import type { TemplateNode } from './goTemplateAst';

/** Options from `goTemplateOptions` that change rendering. */
export interface GoTemplateOptions {
  readonly missingKey: MissingKeyMode;
}

/** The output of a template, or why it failed (and whether that is a gap of this analyser). */
export type GoTemplateOutcome =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: string; readonly unsupportedFunction: string | undefined };

const CATALOGUE = {
  has: (name: string): boolean => GO_TEMPLATE_FUNCTIONS.has(name),
  isKnownUnsupported: (name: string): boolean => ARGO_TEMPLATE_FUNCTION_NAMES.has(name),
};

const PARSE_CACHE_LIMIT = 2000;
const parseCache = new Map<string, TemplateNode[] | GoTemplateError>();

/** Reads `goTemplateOptions` (`missingkey=error|zero|default|invalid`); unknown options are ignored. */
export function readGoTemplateOptions(raw: unknown): GoTemplateOptions {
  let missingKey: MissingKeyMode = 'default';
  if (Array.isArray(raw)) {
    for (const option of raw) {
      const match = typeof option === 'string' ? /^missingkey=(\w+)$/.exec(option.trim()) : null;
      if (match?.[1] === 'error') missingKey = 'error';
      else if (match?.[1] === 'zero') missingKey = 'zero';
      else if (match?.[1] === 'default' || match?.[1] === 'invalid') missingKey = 'default';
    }
  }
  return { missingKey };
}

/**
 * Renders one string as Go's text/template would with Argo CD's function map. The data is the
 * parameter set (dot and `$`). Failures are returned, never thrown.
 */
export function renderGoTemplate(source: string, data: Readonly<Record<string, unknown>>, options: GoTemplateOptions): GoTemplateOutcome {
  // Fast path: text without actions renders as itself.
  if (!source.includes('{{')) return { ok: true, value: source };
  try {
    const nodes = parseCached(source);
    return { ok: true, value: executeGoTemplate(nodes, toGoValue(data), GO_TEMPLATE_FUNCTIONS, options.missingKey) };
  } catch (error) {
    if (error instanceof GoTemplateError) return { ok: false, error: error.message, unsupportedFunction: error.unsupportedFunction };
    // Anything else is a bug of this engine: report it as a template failure rather than crash.
    return { ok: false, error: `internal template engine error: ${error instanceof Error ? error.message : String(error)}`, unsupportedFunction: undefined };
  }
}

function parseCached(source: string): TemplateNode[] {
  let parsed = parseCache.get(source);
  if (parsed === undefined) {
    try {
      parsed = parseGoTemplate(lexGoTemplate(source), CATALOGUE);
    } catch (error) {
      if (!(error instanceof GoTemplateError)) throw error;
      parsed = error;
    }
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    parseCache.set(source, parsed);
  }
  if (parsed instanceof GoTemplateError) throw parsed;
  return parsed;
}
