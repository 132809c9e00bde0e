// The Go text/template engine: every construct, the functions repositories use, Go's quirks and errors.
import { describe, expect, it } from 'vitest';
import { renderGoTemplate, readGoTemplateOptions } from '../../../server/src/analysis/appsets/goTemplate/goTemplate';

const data = {
  name: 'Web App',
  path: { path: 'apps/web', basename: 'web', segments: ['apps', 'web'] },
  replicas: 3,
  big: 1000000,
  enabled: true,
  empty: '',
  nothing: null,
  labels: { env: 'prod', tier: 'front' },
  list: ['a', 'b', 'c'],
};

const render = (template: string, missingkey = 'default'): string => {
  const outcome = renderGoTemplate(template, data, readGoTemplateOptions([`missingkey=${missingkey}`]));
  return outcome.ok ? outcome.value : `ERROR: ${outcome.error}${outcome.unsupportedFunction ? ` [unsupported ${outcome.unsupportedFunction}]` : ''}`;
};

describe('Go template constructs', () => {
  it.each([
    ['{{.path.basename}}', 'web'],
    ['{{ .path.path }}/{{ index .path.segments 1 }}', 'apps/web/web'],
    ['{{ $.name }}', 'Web App'],
    ['a {{- " b " -}} c', 'a b c'],
    ['a  {{- /* comment */ -}}  b', 'ab'],
    ['{{/* only a comment */}}x', 'x'],
    ['{{ $x := .path.basename }}{{ $x }}-{{ $x = "y" }}{{ $x }}', 'web-y'],
    ['{{ if .enabled }}on{{ else }}off{{ end }}', 'on'],
    ['{{ if .empty }}a{{ else if .missing }}b{{ else }}c{{ end }}', 'c'],
    ['{{ with .labels }}{{ .env }}{{ else }}none{{ end }}', 'prod'],
    ['{{ with .missing }}x{{ else with .labels }}{{ .tier }}{{ end }}', 'front'],
    ['{{ range .list }}[{{ . }}]{{ end }}', '[a][b][c]'],
    ['{{ range $i, $v := .list }}{{ $i }}={{ $v }} {{ end }}', '0=a 1=b 2=c '],
    ['{{ range $k, $v := .labels }}{{ $k }}:{{ $v }};{{ end }}', 'env:prod;tier:front;'],
    ['{{ range .missing }}x{{ else }}empty{{ end }}', 'empty'],
    ['{{ range .list }}{{ if eq . "b" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'a'],
    ['{{ range .list }}{{ if eq . "b" }}{{ continue }}{{ end }}{{ . }}{{ end }}', 'ac'],
    ['{{ range 3 }}{{ . }}{{ end }}', '012'],
    ['{{ (index .list 0) | upper }}', 'A'],
    ['{{ .name | lower | replace " " "-" }}', 'web-app'],
    ['{{ printf "%s-%d-%v-%q" .path.basename (len .list) .replicas "x" }}', 'web-3-3-"x"'],
    ['{{ .missing }}', '<no value>'],
    ['{{ .nothing }}', '<no value>'],
    ['{{ .big }} {{ .replicas }} {{ 1000000 }}', '1e+06 3 1000000'],
    ['{{ .labels }} {{ .list }}', 'map[env:prod tier:front] [a b c]'],
    ['{{ "\\t\\x41\\u00e9" }}{{ `raw\\n` }}{{ \'a\' }}', '\tAéraw\\n97'],
    ['{{ and .enabled .empty "x" }}|{{ or .empty .missing "z" }}|{{ not .enabled }}', '|z|false'],
  ])('%s', (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('handles missingkey=error and missingkey=zero as Go does for map[string]interface{}', () => {
    expect(render('{{ .missing }}', 'error')).toBe('ERROR: map has no entry for key "missing"');
    expect(render('{{ .missing }}', 'zero')).toBe('<no value>');
    expect(render('{{ .missing.deeper }}', 'zero')).toBe('ERROR: nil pointer evaluating interface {}.deeper');
    expect(render('{{ .missing.deeper }}')).toBe('<no value>');
  });

  it('reports syntax errors, unknown and unimplemented functions, never throwing', () => {
    expect(render('{{ if .enabled }}x')).toMatch(/^ERROR: unexpected EOF/);
    expect(render('{{ .a ')).toBe('ERROR: unclosed action');
    expect(render('{{ nosuch .x }}')).toBe('ERROR: function "nosuch" not defined');
    expect(render('{{ sha256sum .name }}')).toBe('ERROR: function "sha256sum" is not supported by this analyser [unsupported sha256sum]');
    expect(render('{{ define "x" }}{{ end }}')).toMatch(/\[unsupported define\]$/);
    expect(render('{{ .name.first }}')).toBe("ERROR: can't evaluate field first in type string");
    expect(render('{{ index .list 5 }}')).toBe('ERROR: error calling index: index out of range: 5');
    expect(render('{{ end }}')).toBe('ERROR: unexpected {{end}}');
    expect(render('{{ break }}')).toBe('ERROR: {{break}} outside {{range}}');
  });
});

describe('Go template functions', () => {
  it.each([
    ['{{ default "x" .missing }} {{ default "x" .name }} {{ .missing | default "piped" }}', 'x Web App piped'],
    ['{{ upper .name }} {{ lower .name }} {{ title "hello big-world" }}', 'WEB APP web app Hello Big-World'],
    ['{{ trim "  a  " }}|{{ trimPrefix "apps/" .path.path }}|{{ trimSuffix "/web" .path.path }}|{{ trimAll "-" "--a--" }}', 'a|web|apps|a'],
    ['{{ contains "pp" .path.path }} {{ hasPrefix "apps" .path.path }} {{ hasSuffix "x" .path.path }}', 'true true false'],
    ['{{ (split "/" .path.path)._1 }} {{ splitList "/" .path.path | join "+" }}', 'web apps+web'],
    ['{{ list 1 "a" | toJson }} {{ dict "b" 1 "a" "<x>" | toJson }}', '[1,"a"] {"a":"\\u003cx\\u003e","b":1}'],
    ['{{ get .labels "env" }}{{ get .labels "nope" }} {{ hasKey .labels "tier" }}', 'prod true'],
    ['{{ quote .path.basename }} {{ squote .path.basename }} {{ cat "a" .missing "b" }}', '"web" \'web\' a b'],
    ['{{ b64enc "héllo" }} {{ b64dec "aMOpbGxv" }}', 'aMOpbGxv héllo'],
    ['{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}', '-W-xxW-'],
    ['{{ ternary "yes" "no" .enabled }} {{ empty .empty }} {{ coalesce .missing .empty "c" }}', 'yes true c'],
    ['{{ int "42" | add 1 }} {{ sub 5 2 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 2 }} {{ toString 5 }}', '43 3 24 3 1 5'],
    ['{{ eq .path.basename "web" "api" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ ge "b" "a" }} {{ len .labels }}', 'true true true true 2'],
    ['{{ normalize "My_App.V2" }} {{ slugify "Hello World & Friends" }}', 'my-app.v2 hello-world-friends'],
    ['{{ slugify 10 true "abcd-efghijkl" }} {{ slugify 10 false "abcd-efghijkl" }}', 'abcd abcd-efghi'],
    ['{{ semverCompare ">=1.2.0" "1.10.0" }} {{ semverCompare "^2" "1.9.9" }} {{ semverCompare "~1.2" "1.2.9" }}', 'true false true'],
    ['{{ toYaml .labels }}', 'env: prod\ntier: front'],
    ['{{ required "need name" .name }}', 'Web App'],
    ['{{ .list | first }}-{{ .list | last }}', 'a-c'],
  ])('%s', (template, expected) => {
    expect(render(template)).toBe(expected);
  });

  it('fails like Go on type mismatches and required values', () => {
    expect(render('{{ eq .replicas 3 }}')).toBe('ERROR: error calling eq: incompatible types for comparison');
    expect(render('{{ eq .missing "x" }}')).toBe('false');
    expect(render('{{ lower .missing }}')).toBe('ERROR: invalid value; expected string');
    expect(render('{{ lower .replicas }}')).toBe('ERROR: wrong type for value; expected string; got float64');
    expect(render('{{ required "need it" .missing }}')).toBe('ERROR: error calling required: need it');
    expect(render('{{ div 1 0 }}')).toBe('ERROR: error calling div: runtime error: integer divide by zero');
  });

  it('stops a runaway template instead of exhausting memory', () => {
    const outcome = renderGoTemplate('{{ range 1000000 }}{{ range 1000000 }}x{{ end }}{{ end }}', {}, readGoTemplateOptions(undefined));
    expect(outcome.ok).toBe(false);
  });
});
