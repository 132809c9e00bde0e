// Argo CD's default fasttemplate rendering: substitution, unknown tags written back, unclosed tags.
import { describe, expect, it } from 'vitest';
import { renderFastTemplate } from '../../../server/src/analysis/appsets/fastTemplate';

const params = { 'path.basename': 'web', path: 'apps/web', count: 3 as unknown, 'values.env': 'prod' };

describe('renderFastTemplate', () => {
  it('substitutes string parameters, trimming whitespace inside tags', () => {
    expect(renderFastTemplate('{{path.basename}}-{{ values.env }}', params)).toEqual({ ok: true, value: 'web-prod' });
  });

  it('writes unknown and non-string tags back exactly as written', () => {
    expect(renderFastTemplate('{{ missing }}/{{count}}/{{}}', params)).toEqual({ ok: true, value: '{{ missing }}/{{count}}/{{}}' });
  });

  it('leaves text alone when no line holds a whole tag', () => {
    expect(renderFastTemplate('a {{\nb }}', params)).toEqual({ ok: true, value: 'a {{\nb }}' });
    expect(renderFastTemplate('plain', params)).toEqual({ ok: true, value: 'plain' });
  });

  it('fails on a tag that is never closed', () => {
    const outcome = renderFastTemplate('{{path}} and {{path', params);
    expect(outcome.ok).toBe(false);
  });

  it('does not read inherited object properties as parameters', () => {
    expect(renderFastTemplate('{{constructor}}', params)).toEqual({ ok: true, value: '{{constructor}}' });
  });
});
