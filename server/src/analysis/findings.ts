// Problems to findings: severities from the config and the host, duplicates dropped, sorted; followed from one analysis to the next.
import type { ConfiguredSeverity, ProjectConfig } from './config/projectConfig';
import { sameList } from './incremental/indexReads';
import { plainEqual } from './incremental/plainEqual';
import { RULES_BY_ID } from './rules/catalogue';
import { SEVERITIES, type Finding, type Problem, type Severity } from './rules/rule';

/**
 * Changed problems (come plus gone) a {@link FindingsFollower} takes in, at least; up to a quarter of the last list
 * too (merged into the kept findings, a pass of pointers), more make the list again.
 */
const MAX_CHANGES_FOLLOWED = 64;
/** Follows in a row before a full pass (findings remembered by content are kept per full pass: this bounds them). */
const MAX_FOLLOWS = 256;

/**
 * The findings of a list of problems: each problem with its severity (the host's override, then the config's,
 * else the rule's default capped by the problem), `off` rules left out, one finding per rule, file, span and
 * message, sorted by file, position, rule id and message. With a follower (kept across analyses), a list that
 * differs from the previous one by a few problems costs those problems: the previous findings with the gone
 * ones taken out and the new ones put in place. `segments`, when given, are the lists `problems` is made of, one after
 * the other (one per check, say): the follower then compares them list by list, a pointer comparison per problem of
 * a list that is the same, and looks up only the problems of the lists that differ.
 */
export function toFindings(
  problems: readonly Problem[],
  config: ProjectConfig,
  overrides: ReadonlyMap<string, ConfiguredSeverity> | undefined,
  follower?: FindingsFollower,
  segments?: readonly (readonly Problem[])[],
): readonly Finding[] {
  const severities = severityContext(config, overrides);
  const followed = follower?.follow(problems, severities, segments);
  if (followed !== undefined) return followed;
  const made = allFindings(problems, severities);
  follower?.remember(problems, severities, made, segments);
  return made.findings;
}

/** How problems get their severity: the config's rules and the host's overrides, with a key telling contexts apart. */
interface SeverityContext {
  readonly key: string;
  readonly severityOf: (item: Problem) => Severity | undefined;
}

function severityContext(config: ProjectConfig, overrides: ReadonlyMap<string, ConfiguredSeverity> | undefined): SeverityContext {
  return {
    key: JSON.stringify([[...config.rules], [...(overrides ?? [])]]),
    severityOf: (item) => {
      const configured = overrides?.get(item.ruleId) ?? config.rules.get(item.ruleId);
      if (configured === 'off') return undefined;
      return configured ?? milder(RULES_BY_ID.get(item.ruleId)?.defaultSeverity ?? 'warning', item.severityCap);
    },
  };
}

/** A list's findings and what following it needs: each problem's finding (none when off or a duplicate) and the problems per key. */
interface MadeFindings {
  readonly findings: readonly Finding[];
  readonly findingByProblem: Map<Problem, Finding | undefined>;
  readonly problemsPerKey: Map<string, number>;
  /** True when two findings sort alike: their order is then the order of their problems, which only a full pass follows. */
  readonly sortsAlike: boolean;
}

function allFindings(problems: readonly Problem[], severities: SeverityContext): MadeFindings {
  nextFindingGeneration();
  const findingByProblem = new Map<Problem, Finding | undefined>();
  const problemsPerKey = new Map<string, number>();
  const findings: Finding[] = [];
  for (const item of problems) {
    const key = problemKey(item);
    const seen = problemsPerKey.get(key);
    problemsPerKey.set(key, (seen ?? 0) + 1);
    if (seen !== undefined) {
      if (!findingByProblem.has(item)) findingByProblem.set(item, undefined);
      continue;
    }
    const severity = severities.severityOf(item);
    const finding = severity === undefined ? undefined : findingOf(key, item, severity);
    findingByProblem.set(item, finding);
    if (finding !== undefined) findings.push(finding);
  }
  findings.sort(compareFindings);
  let sortsAlike = false;
  for (let position = 1; position < findings.length && !sortsAlike; position++) sortsAlike = compareFindings(findings[position - 1] as Finding, findings[position] as Finding) === 0;
  return { findings, findingByProblem, problemsPerKey, sortsAlike };
}

/** The previous analysis's problems and findings, for {@link toFindings} to follow. */
export class FindingsFollower {
  #last:
    | (MadeFindings & { readonly problems: readonly Problem[]; readonly segments: readonly (readonly Problem[])[] | undefined; readonly severityKey: string })
    | undefined;
  /** Follows since the last full pass (which also starts a new generation of findings remembered by content). */
  #follows = 0;

  /** Keeps what a list of problems made. */
  remember(problems: readonly Problem[], severities: SeverityContext, made: MadeFindings, segments?: readonly (readonly Problem[])[]): void {
    this.#last = { ...made, problems, segments, severityKey: severities.key };
    this.#follows = 0;
  }

  /**
   * The findings of `problems` from the previous list's, when the severities are the same and the lists differ by
   * a few problems, none sharing its key with another problem and none placed alike with another finding (where
   * the sort alone decides); undefined otherwise (the caller makes them all).
   */
  follow(problems: readonly Problem[], severities: SeverityContext, segments?: readonly (readonly Problem[])[]): readonly Finding[] | undefined {
    const last = this.#last;
    if (last === undefined || last.severityKey !== severities.key || this.#follows >= MAX_FOLLOWS) return undefined;
    this.#follows++;
    if (sameList(problems, last.problems)) {
      this.#last = { ...last, problems, segments };
      return last.findings;
    }
    // Each problem once in either list (a problem listed twice is counted by the full pass).
    if (last.findingByProblem.size !== last.problems.length) return undefined;
    // Findings that sort alike are ordered by their problems' order, which the lists may have changed.
    if (last.sortsAlike) return undefined;
    const changes =
      segments !== undefined && last.segments !== undefined && segments.length === last.segments.length
        ? changesBySegments(last.segments, segments, last.findingByProblem)
        : changesOfLists(last.problems, problems, last.findingByProblem);
    if (changes === undefined) return undefined;
    const { came, gone } = changes;
    if (came.length + gone.length > Math.max(MAX_CHANGES_FOLLOWED, last.problems.length >> 2)) return undefined;
    const problemsPerKey = last.problemsPerKey;
    const cameKeys = new Set<string>();
    const goneKeys = new Set<string>();
    for (const item of gone) {
      const key = problemKey(item);
      if (problemsPerKey.get(key) !== 1) return undefined;
      goneKeys.add(key);
    }
    for (const item of came) {
      const key = problemKey(item);
      if (cameKeys.has(key) || (problemsPerKey.get(key) !== undefined && !goneKeys.has(key))) return undefined;
      cameKeys.add(key);
    }
    const goneFindings = new Set<Finding>();
    for (const item of gone) {
      const finding = last.findingByProblem.get(item);
      if (finding !== undefined) goneFindings.add(finding);
    }
    const cameFindings = new Map<Problem, Finding | undefined>();
    for (const item of came) {
      const severity = severities.severityOf(item);
      cameFindings.set(item, severity === undefined ? undefined : findingOf(problemKey(item), item, severity));
    }
    // Problems made again saying the same give the findings they gave (see findingOf): then the list is the last one.
    const cameAlike = [...cameFindings.values()].filter((finding) => finding !== undefined);
    let findings: readonly Finding[];
    if (cameAlike.length === goneFindings.size && cameAlike.every((finding) => goneFindings.has(finding))) {
      findings = last.findings;
    } else {
      const kept = goneFindings.size === 0 ? last.findings : last.findings.filter((finding) => !goneFindings.has(finding));
      const merged = mergedSorted(kept, cameAlike);
      if (merged === undefined) return undefined;
      findings = merged;
    }
    // The follow holds: the shared maps are brought up to date.
    const findingByProblem = last.findingByProblem;
    for (const item of gone) {
      findingByProblem.delete(item);
      problemsPerKey.delete(problemKey(item));
    }
    for (const [item, finding] of cameFindings) {
      findingByProblem.set(item, finding);
      problemsPerKey.set(problemKey(item), 1);
    }
    // A merge that would place two findings alike gives up above: the followed list sorts none alike either.
    this.#last = { findings, findingByProblem, problemsPerKey, sortsAlike: false, problems, segments, severityKey: severities.key };
    return findings;
  }
}

/** Problems that came (not in the last list) and went (not in the new one). */
interface ProblemChanges {
  readonly came: readonly Problem[];
  readonly gone: readonly Problem[];
}

/** The changes between two lists, each looked up in the other; undefined when the new list holds a problem twice. */
function changesOfLists(before: readonly Problem[], after: readonly Problem[], lastProblems: ReadonlyMap<Problem, unknown>): ProblemChanges | undefined {
  const current = new Set(after);
  if (current.size !== after.length) return undefined;
  return { came: after.filter((item) => !lastProblems.has(item)), gone: before.filter((item) => !current.has(item)) };
}

/**
 * The changes between two lists of segments (as many, each problem once in the last list): the segments that are
 * the same lists are passed over, the problems of the others looked up. Undefined when the new list holds a problem
 * twice (within the changed segments, or in one of them and in a segment that is the same).
 */
function changesBySegments(
  before: readonly (readonly Problem[])[],
  after: readonly (readonly Problem[])[],
  lastProblems: ReadonlyMap<Problem, unknown>,
): ProblemChanges | undefined {
  const wentFrom: Problem[] = [];
  const cameInto: Problem[] = [];
  for (let segment = 0; segment < after.length; segment++) {
    const was = before[segment] as readonly Problem[];
    const is = after[segment] as readonly Problem[];
    if (sameList(was, is)) continue;
    for (const item of was) wentFrom.push(item);
    for (const item of is) cameInto.push(item);
  }
  const current = new Set(cameInto);
  if (current.size !== cameInto.length) return undefined;
  const previous = new Set(wentFrom);
  // A problem of the last list outside the changed segments is in a segment that is the same: listed twice now.
  for (const item of cameInto) if (lastProblems.has(item) && !previous.has(item)) return undefined;
  return { came: cameInto.filter((item) => !lastProblems.has(item)), gone: wentFrom.filter((item) => !current.has(item)) };
}

/**
 * The sorted `findings` with `came` (sorted here) put at their places: each found by a binary search after the
 * last one's, the kept findings between copied as they are. Undefined when two findings sort alike (then only the
 * full sort's order is right).
 */
function mergedSorted(findings: readonly Finding[], came: Finding[]): Finding[] | undefined {
  came.sort(compareFindings);
  const merged: Finding[] = [];
  let next = 0;
  for (const finding of came) {
    let low = next;
    let high = findings.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareFindings(findings[middle] as Finding, finding) < 0) low = middle + 1;
      else high = middle;
    }
    if (low < findings.length && compareFindings(findings[low] as Finding, finding) === 0) return undefined;
    for (; next < low; next++) merged.push(findings[next] as Finding);
    const previous = merged[merged.length - 1];
    if (previous !== undefined && compareFindings(previous, finding) === 0) return undefined;
    merged.push(finding);
  }
  for (; next < findings.length; next++) merged.push(findings[next] as Finding);
  return merged;
}

function compareFindings(a: Finding, b: Finding): number {
  return compare(a.location.file, b.location.file) || a.location.span.start - b.location.span.start || compare(a.ruleId, b.ruleId) || compare(a.message, b.message);
}

/** What tells two problems apart (rule, place, message), by problem: a kept problem keeps its key. */
const keysByProblem = new WeakMap<Problem, string>();

function problemKey(item: Problem): string {
  let key = keysByProblem.get(item);
  if (key === undefined) keysByProblem.set(item, (key = `${item.ruleId}\u0000${item.location.file}\u0000${item.location.span.start}\u0000${item.location.span.end}\u0000${item.message}`));
  return key;
}

/** Findings by problem: a kept problem (an untouched node's) gives the same finding object, which hosts may key conversions on. */
const findingsByProblem = new WeakMap<Problem, Finding>();
/**
 * Findings by what they say, from the last two full passes: a problem found again with the same content
 * (fixes and related places included) gives the same finding object.
 */
let recentFindings = new Map<string, Finding>();
let olderFindings = new Map<string, Finding>();

function findingOf(key: string, item: Problem, severity: Severity): Finding {
  const known = findingsByProblem.get(item);
  if (known !== undefined && known.severity === severity) return remembered(key, known);
  const { severityCap: _cap, ...rest } = item;
  const made: Finding = { ...rest, severity };
  const same = recentFindings.get(key) ?? olderFindings.get(key);
  // The key holds the rule, file, span and message: what else a finding says is compared here.
  const finding =
    same !== undefined && same.severity === made.severity && plainEqual(same.related, made.related) && plainEqual(same.fixes, made.fixes) && same.location.file === made.location.file
      ? same
      : made;
  findingsByProblem.set(item, finding);
  return remembered(key, finding);
}

function remembered(key: string, finding: Finding): Finding {
  recentFindings.set(key, finding);
  return finding;
}

/** Starts remembering a new full pass's findings (the previous pass's stay one more). */
function nextFindingGeneration(): void {
  olderFindings = recentFindings;
  recentFindings = new Map();
}

/** The milder of a severity and an optional cap. */
function milder(severity: Severity, cap: Severity | undefined): Severity {
  if (cap === undefined) return severity;
  return SEVERITIES.indexOf(cap) > SEVERITIES.indexOf(severity) ? cap : severity;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
