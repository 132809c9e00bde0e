// Argo CD's default templating (valyala/fasttemplate with `{{`/`}}`), as `utils.Render.Replace` uses it.

/** A rendered string, or why it could not be rendered. */
export type TemplateOutcome = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

/** Argo CD only templates a string when some line holds `{{…}}` (its regex `.*{{.*}}.*`, `.` not crossing newlines). */
const LOOKS_TEMPLATED = /\{\{[^\n]*\}\}/;

/**
 * Replaces `{{ name }}` tags (whitespace inside trimmed) with string parameters. A tag naming no
 * string parameter is written back exactly as it was (`{{tag}}`, untrimmed). A `{{` with no
 * closing `}}` is an error, as fasttemplate reports it.
 */
export function renderFastTemplate(text: string, parameters: Readonly<Record<string, unknown>>): TemplateOutcome {
  if (!LOOKS_TEMPLATED.test(text)) return { ok: true, value: text };
  let out = '';
  let position = 0;
  for (;;) {
    const open = text.indexOf('{{', position);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) return { ok: false, error: `invalid template: cannot find end tag "}}" in ${JSON.stringify(text)}` };
    out += text.slice(position, open);
    const tag = text.slice(open + 2, close);
    const trimmed = tag.trim();
    const replacement = trimmed === '' ? undefined : parameters[trimmed];
    out += typeof replacement === 'string' ? replacement : `{{${tag}}}`;
    position = close + 2;
  }
  return { ok: true, value: out + text.slice(position) };
}
