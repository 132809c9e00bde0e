// Tidy checks: the rule catalogue, the rule files and the doc pages agree; rule ids are well-formed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RETIRED_RULE_IDS, RULES } from '../../server/src/analysis/rules/catalogue';

const ROOT = join(__dirname, '..', '..');
const RULES_SOURCE = join(ROOT, 'server', 'src', 'analysis', 'rules');
const RULES_DOCS = join(ROOT, 'docs', 'rules');

/** Rule ids that have a rule file: `rules/<group>/<name>.ts` → `group/name`. */
function ruleFileIds(): string[] {
  const ids: string[] = [];
  for (const group of readdirSync(RULES_SOURCE, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const file of readdirSync(join(RULES_SOURCE, group.name))) if (file.endsWith('.ts')) ids.push(`${group.name}/${file.slice(0, -3)}`);
  }
  return ids.sort();
}

/** Rule ids that have a doc page: `docs/rules/<group>/<name>.md`. */
function docPageIds(): string[] {
  const ids: string[] = [];
  for (const group of readdirSync(RULES_DOCS, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const file of readdirSync(join(RULES_DOCS, group.name))) if (file.endsWith('.md')) ids.push(`${group.name}/${file.slice(0, -3)}`);
  }
  return ids.sort();
}

describe('rule catalogue', () => {
  const catalogueIds = RULES.map((rule) => rule.id).sort();

  it('has well-formed, unique ids that were never retired', () => {
    for (const id of catalogueIds) expect(id).toMatch(/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(catalogueIds).size).toBe(catalogueIds.length);
    for (const id of catalogueIds) expect(RETIRED_RULE_IDS).not.toContain(id);
  });

  it('lists exactly the rules that have a rule file', () => {
    expect(catalogueIds).toEqual(ruleFileIds());
  });

  it('has one doc page per rule and no page for an unknown rule', () => {
    expect(docPageIds()).toEqual(catalogueIds);
  });

  it('has doc pages that start with the id and state the default severity', () => {
    for (const rule of RULES) {
      const page = readFileSync(join(RULES_DOCS, `${rule.id}.md`), 'utf8');
      expect(page.split('\n')[0], rule.id).toBe(`# ${rule.id}`);
      expect(page, rule.id).toContain(`**Severity:** ${rule.defaultSeverity}`);
      for (const section of ['## Why', '## Bad', '## Good', '## Fix']) expect(page, `${rule.id} ${section}`).toContain(section);
    }
  });

  it('matches the table of docs/rules/README.md row for row', () => {
    const readme = join(RULES_DOCS, 'README.md');
    expect(existsSync(readme)).toBe(true);
    const rows = readFileSync(readme, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| ['))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const expected = RULES.map((rule) => ['', `[${rule.id}](${rule.id}.md)`, rule.defaultSeverity, rule.summary, '']);
    expect(rows).toEqual(expected);
  });
});

describe('rule tests', () => {
  it('mention every rule id in at least one test or snapshot', () => {
    const texts: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|snap)$/.test(entry.name) && !path.endsWith('ruleCatalogue.test.ts')) texts.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(ROOT, 'test'));
    const all = texts.join('\n');
    expect(RULES.map((rule) => rule.id).filter((id) => !all.includes(id))).toEqual([]);
  });
});
