// Tests of the CI formats: SARIF 2.1.0 (shape GitHub code scanning accepts) and GitHub workflow commands (escaping).
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../server/src/analysis/rules/rule';
import { RULES_BY_ID } from '../../../server/src/analysis/rules/catalogue';
import { LineIndex } from '../../../server/src/analysis/text/lineIndex';
import type { SourceLocation } from '../../../server/src/analysis/text/span';
import { formatSarif, relativeUri } from '../../../server/src/cli/formatSarif';
import { escapeData, escapeProperty, formatGithub } from '../../../server/src/cli/formatGithub';
import type { PrintedFinding } from '../../../server/src/cli/formatFindings';
import { failsOn } from '../../../server/src/cli/failOn';

const FILES: Record<string, string> = {
  'apps/a b.yaml': 'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: 0\n',
  'apps/other.yaml': 'kind: Application\n',
};
const position = (location: SourceLocation) => new LineIndex(FILES[location.file] ?? '').position(location.span.start);
const at = (file: string, text: string): SourceLocation => {
  const start = (FILES[file] ?? '').indexOf(text);
  return { file, span: { start, end: start + text.length } };
};

const FINDINGS: Finding[] = [
  {
    ruleId: 'parse/yaml-syntax',
    severity: 'error',
    message: 'The value 0 is not a string: 100% wrong',
    location: at('apps/a b.yaml', '0'),
    related: [{ message: 'the other Application', location: at('apps/other.yaml', 'Application') }],
    fixes: [{ title: 'Quote the sync-wave value', preferred: true, edits: [{ file: 'apps/a b.yaml', span: at('apps/a b.yaml', '0').span, newText: '"0"' }] }],
  },
  { ruleId: 'appset/live-generator', severity: 'info', message: 'needs a live cluster', location: at('apps/other.yaml', 'kind') },
  { ruleId: 'future/unknown-rule', severity: 'hint', message: 'a rule the catalogue does not list yet', location: at('apps/other.yaml', 'kind') },
];

describe('SARIF', () => {
  const log = formatSarif(FINDINGS, { position, rules: RULES_BY_ID, toolVersion: '1.2.3', pathPrefix: 'deploy/' });

  it('has the shape of a SARIF 2.1.0 log that GitHub code scanning accepts', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'gitops-waves', version: '1.2.3', informationUri: 'https://github.com/gitops-waves/gitops-waves' });
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(['parse/yaml-syntax', 'appset/live-generator', 'future/unknown-rule']);
    for (const rule of rules) {
      expect(rule.shortDescription?.text).toBeTruthy();
      expect(rule.helpUri).toBe(`https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/${rule.id}.md`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration?.level);
    }
    for (const result of run.results ?? []) {
      expect(rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      expect(location?.artifactLocation?.uri).not.toMatch(/^\/|^[a-z]+:/);
      const region = location?.region;
      expect(region?.startLine).toBeGreaterThanOrEqual(1);
      expect(region?.startColumn).toBeGreaterThanOrEqual(1);
    }
    // Fully serialisable: no undefined values, which JSON would drop silently.
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });

  it('maps severities, regions, related locations and fixes', () => {
    expect(log.runs[0]!.results).toMatchInlineSnapshot(`
      [
        {
          "fixes": [
            {
              "artifactChanges": [
                {
                  "artifactLocation": {
                    "uri": "deploy/apps/a%20b.yaml",
                    "uriBaseId": "%SRCROOT%",
                  },
                  "replacements": [
                    {
                      "deletedRegion": {
                        "endColumn": 36,
                        "endLine": 3,
                        "startColumn": 35,
                        "startLine": 3,
                      },
                      "insertedContent": {
                        "text": ""0"",
                      },
                    },
                  ],
                },
              ],
              "description": {
                "text": "Quote the sync-wave value",
              },
            },
          ],
          "level": "error",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "deploy/apps/a%20b.yaml",
                  "uriBaseId": "%SRCROOT%",
                },
                "region": {
                  "endColumn": 36,
                  "endLine": 3,
                  "startColumn": 35,
                  "startLine": 3,
                },
              },
            },
          ],
          "message": {
            "text": "The value 0 is not a string: 100% wrong",
          },
          "relatedLocations": [
            {
              "id": 1,
              "message": {
                "text": "the other Application",
              },
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "deploy/apps/other.yaml",
                  "uriBaseId": "%SRCROOT%",
                },
                "region": {
                  "endColumn": 18,
                  "endLine": 1,
                  "startColumn": 7,
                  "startLine": 1,
                },
              },
            },
          ],
          "ruleId": "parse/yaml-syntax",
          "ruleIndex": 0,
        },
        {
          "level": "note",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "deploy/apps/other.yaml",
                  "uriBaseId": "%SRCROOT%",
                },
                "region": {
                  "endColumn": 5,
                  "endLine": 1,
                  "startColumn": 1,
                  "startLine": 1,
                },
              },
            },
          ],
          "message": {
            "text": "needs a live cluster",
          },
          "ruleId": "appset/live-generator",
          "ruleIndex": 1,
        },
        {
          "level": "note",
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "deploy/apps/other.yaml",
                  "uriBaseId": "%SRCROOT%",
                },
                "region": {
                  "endColumn": 5,
                  "endLine": 1,
                  "startColumn": 1,
                  "startLine": 1,
                },
              },
            },
          ],
          "message": {
            "text": "a rule the catalogue does not list yet",
          },
          "ruleId": "future/unknown-rule",
          "ruleIndex": 2,
        },
      ]
    `);
    expect(log.runs[0]!.tool.driver.rules![0]).toMatchInlineSnapshot(`
      {
        "defaultConfiguration": {
          "level": "warning",
        },
        "help": {
          "markdown": "A YAML file that does not parse; its broken documents are not analysed. [Documentation](https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/parse/yaml-syntax.md)",
          "text": "A YAML file that does not parse; its broken documents are not analysed. See https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/parse/yaml-syntax.md",
        },
        "helpUri": "https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/parse/yaml-syntax.md",
        "id": "parse/yaml-syntax",
        "shortDescription": {
          "text": "A YAML file that does not parse; its broken documents are not analysed.",
        },
      }
    `);
  });

  it('percent-encodes paths into relative URIs', () => {
    expect(relativeUri('apps/a b/100%#1?.yaml')).toBe('apps/a%20b/100%25%231%3F.yaml');
  });
});

describe('GitHub workflow commands', () => {
  const printed: PrintedFinding[] = [
    {
      ruleId: 'waves/needs-later-wave',
      severity: 'error',
      message: 'line one\nline two: 100%\r',
      file: 'apps/a,b:c.yaml',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      related: [{ message: 'provider', file: 'apps/p.yaml', line: 1, column: 2 }],
    },
    { ruleId: 'parse/yaml-syntax', severity: 'warning', message: 'w', file: 'w.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, related: [] },
    { ruleId: 'appset/live-generator', severity: 'info', message: 'i', file: 'i.yaml', line: 1, column: 1, endLine: 2, endColumn: 1, related: [] },
    { ruleId: 'parse/symlink-loop', severity: 'hint', message: 'h', file: 'h.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, related: [] },
  ];

  it('writes one command per finding, notice for info and hints, with GitHub escaping', () => {
    expect(formatGithub(printed, 'repo/')).toMatchInlineSnapshot(`
      "::error file=repo/apps/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,title=waves/needs-later-wave::line one%0Aline two: 100%25%0D%0Arepo/apps/p.yaml:1:2: provider
      ::warning file=repo/w.yaml,line=1,col=1,endLine=1,endColumn=2,title=parse/yaml-syntax::w
      ::notice file=repo/i.yaml,line=1,col=1,endLine=2,endColumn=1,title=appset/live-generator::i
      ::notice file=repo/h.yaml,line=1,col=1,endLine=1,endColumn=1,title=parse/symlink-loop::h"
    `);
  });

  it('escapes data and properties as the runner does', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });
});

describe('--fail-on', () => {
  const severities = (...list: Finding['severity'][]) => list.map((severity) => ({ severity }));

  it('fails when a finding is at least as severe as the threshold', () => {
    expect(failsOn(severities('warning'), 'error')).toBe(false);
    expect(failsOn(severities('warning', 'error'), 'error')).toBe(true);
    expect(failsOn(severities('warning'), 'warning')).toBe(true);
    expect(failsOn(severities('info'), 'warning')).toBe(false);
    expect(failsOn(severities('info'), 'info')).toBe(true);
    expect(failsOn(severities('hint'), 'info')).toBe(false);
    expect(failsOn(severities('hint'), 'hint')).toBe(true);
    expect(failsOn(severities('error'), 'never')).toBe(false);
    expect(failsOn([], 'hint')).toBe(false);
  });
});
