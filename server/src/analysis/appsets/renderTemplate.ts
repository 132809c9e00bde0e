// Renders strings and whole values with the set's templating mode (fasttemplate or Go templates).
import type { ValuePath } from '../yaml/yamlDocument';
import { renderFastTemplate } from './fastTemplate';
import { renderGoTemplate, type GoTemplateOptions } from './goTemplate/goTemplate';

/** How a set renders: `goTemplate` and its options. */
export interface TemplateMode {
  readonly goTemplate: boolean;
  readonly options: GoTemplateOptions;
}

/** A failed rendering: Go's message, the function this analyser lacks (if that is why), and where. */
export interface RenderFailure {
  readonly ok: false;
  readonly error: string;
  readonly unsupportedFunction: string | undefined;
  /** Path, inside the rendered value, of the string that failed. */
  readonly path: ValuePath;
}

/** One rendered string. */
export type StringRenderOutcome = { readonly ok: true; readonly value: string } | RenderFailure;

/** A rendered value (same shape, every string and map key templated). */
export type ValueRenderOutcome = { readonly ok: true; readonly value: unknown } | RenderFailure;

/** Renders one string with the parameters. */
export function renderString(text: string, parameters: Readonly<Record<string, unknown>>, mode: TemplateMode): StringRenderOutcome {
  if (mode.goTemplate) {
    const outcome = renderGoTemplate(text, parameters, mode.options);
    return outcome.ok ? outcome : { ok: false, error: outcome.error, unsupportedFunction: outcome.unsupportedFunction, path: [] };
  }
  const outcome = renderFastTemplate(text, parameters);
  return outcome.ok ? outcome : { ok: false, error: outcome.error, unsupportedFunction: undefined, path: [] };
}

/**
 * Renders every string of a value, map keys included, as Argo CD's `deeplyReplace` does:
 * it templates string fields and map keys (struct field names never hold `{{`, so templating
 * every key gives the same result). Numbers, booleans and nulls are kept as they are.
 */
export function renderValue(value: unknown, parameters: Readonly<Record<string, unknown>>, mode: TemplateMode): ValueRenderOutcome {
  return renderAt(value, parameters, mode, []);
}

function renderAt(value: unknown, parameters: Readonly<Record<string, unknown>>, mode: TemplateMode, path: (string | number)[]): ValueRenderOutcome {
  if (typeof value === 'string') {
    const outcome = renderString(value, parameters, mode);
    return outcome.ok ? outcome : { ...outcome, path };
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      const item = renderAt(value[index], parameters, mode, [...path, index]);
      if (!item.ok) return item;
      out.push(item.value);
    }
    return { ok: true, value: out };
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const rendered = renderAt(item, parameters, mode, [...path, key]);
      if (!rendered.ok) return rendered;
      const renderedKey = renderString(key, parameters, mode);
      if (!renderedKey.ok) return { ...renderedKey, path: [...path, key] };
      out[renderedKey.value] = rendered.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value };
}
