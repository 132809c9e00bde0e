// Flattens parameters to dotted string keys, as Argo CD does for selectors and fasttemplate git files.
import { formatGoValue, toGoValue } from './goTemplate/goValues';

/**
 * `jeremywohl/flatten` in dot style then `fmt.Sprintf("%v")`: nested maps become `a.b`, list
 * items `a.0`; every leaf is printed as Go prints it (so a YAML `1000000` becomes `1e+06`).
 */
export function flattenParameters(parameters: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (prefix: string, value: unknown): void => {
    if (Array.isArray(value) && value.length > 0) {
      value.forEach((item, index) => visit(`${prefix}.${index}`, item));
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
      for (const [key, item] of Object.entries(value)) visit(prefix === '' ? key : `${prefix}.${key}`, item);
    } else {
      out[prefix] = formatGoValue(toGoValue(value));
    }
  };
  for (const [key, value] of Object.entries(parameters)) visit(key, value);
  return out;
}
