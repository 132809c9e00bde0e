// SARIF 2.1.0 rendering of findings for `check --format sarif` (GitHub code scanning and other SARIF viewers).
import type * as Sarif from 'sarif';
import type { Fix } from '../analysis/fixes/types';
import type { Finding, RuleMeta, Severity } from '../analysis/rules/rule';
import type { SourceLocation } from '../analysis/text/span';
import type { LineColumn } from '../analysis/text/lineIndex';
import { PROJECT_URL, ruleDocsUrl } from './ruleDocsUrl';

/** The JSON schema of SARIF 2.1.0, as GitHub's documentation cites it. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVELS: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** What the SARIF rendering needs besides the findings. */
export interface SarifContext {
  /** 0-based line and UTF-16 column of a location's start (e.g. `analysis.index.position`). */
  readonly position: (location: SourceLocation) => LineColumn;
  /** Rule metadata by id (the catalogue); findings of unknown rules still get a rule entry. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
  readonly toolVersion: string;
  /** Prepended to every path so that URIs are relative to the git repository root ('' or 'sub/dir/'). */
  readonly pathPrefix: string;
}

/** Builds one SARIF log with one run: the tool, the rules that appear, and a result per finding. */
export function formatSarif(findings: readonly Finding[], context: SarifContext): Sarif.Log {
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId))];
  const catalogueOrder = [...context.rules.keys()];
  ruleIds.sort((a, b) => orderIn(catalogueOrder, a) - orderIn(catalogueOrder, b) || (a < b ? -1 : a > b ? 1 : 0));
  const ruleIndexes = new Map(ruleIds.map((id, index) => [id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gitops-waves',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: PROJECT_URL,
            rules: ruleIds.map((id) => ruleDescriptor(id, context.rules.get(id))),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => result(finding, ruleIndexes.get(finding.ruleId) ?? 0, context)),
      },
    ],
  };
}

function orderIn(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

function ruleDescriptor(id: string, meta: RuleMeta | undefined): Sarif.ReportingDescriptor {
  const summary = meta?.summary ?? id;
  return {
    id,
    shortDescription: { text: summary },
    helpUri: ruleDocsUrl(id),
    help: { text: `${summary} See ${ruleDocsUrl(id)}`, markdown: `${summary} [Documentation](${ruleDocsUrl(id)})` },
    defaultConfiguration: { level: LEVELS[meta?.defaultSeverity ?? 'warning'] },
  };
}

function result(finding: Finding, ruleIndex: number, context: SarifContext): Sarif.Result {
  const sarifResult: Sarif.Result = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.location, context) }],
  };
  if (finding.related && finding.related.length > 0) {
    sarifResult.relatedLocations = finding.related.map((related, index) => ({
      id: index + 1,
      physicalLocation: physicalLocation(related.location, context),
      message: { text: related.message },
    }));
  }
  if (finding.fixes && finding.fixes.length > 0) sarifResult.fixes = finding.fixes.map((fix) => sarifFix(fix, context));
  return sarifResult;
}

function physicalLocation(location: SourceLocation, context: SarifContext): Sarif.PhysicalLocation {
  return { artifactLocation: artifactLocation(location.file, context), region: region(location, context) };
}

function artifactLocation(file: string, context: SarifContext): Sarif.ArtifactLocation {
  return { uri: relativeUri(`${context.pathPrefix}${file}`), uriBaseId: '%SRCROOT%' };
}

/** 1-based lines and columns; `endColumn` is the column just after the region, as SARIF counts. */
function region(location: SourceLocation, context: SarifContext): Sarif.Region {
  const start = context.position(location);
  const end = context.position({ file: location.file, span: { start: location.span.end, end: location.span.end } });
  return { startLine: start.line + 1, startColumn: start.column + 1, endLine: end.line + 1, endColumn: end.column + 1 };
}

function sarifFix(fix: Fix, context: SarifContext): Sarif.Fix {
  const files = [...new Set(fix.edits.map((edit) => edit.file))];
  return {
    description: { text: fix.title },
    artifactChanges: files.map((file) => ({
      artifactLocation: artifactLocation(file, context),
      replacements: fix.edits
        .filter((edit) => edit.file === file)
        .map((edit) => ({ deletedRegion: region({ file, span: edit.span }, context), insertedContent: { text: edit.newText } })),
    })),
  };
}

/** A repository-relative path as a relative URI reference: spaces, `%`, `#` and `?` percent-encoded, `/` kept. */
export function relativeUri(path: string): string {
  return encodeURI(path).replace(/[#?]/g, (character) => encodeURIComponent(character));
}
