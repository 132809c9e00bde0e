// Rule metadata, problems (what readers and checks report) and findings (problems with a severity).
import type { SourceLocation } from '../text/span';
import type { Fix } from '../fixes/types';

/** How bad a finding is; `error` fails `check`. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Severities from worst to mildest. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** What every rule declares about itself. The id is stable: never renamed, never reused. */
export interface RuleMeta {
  /** `group/kebab-name`, e.g. `parse/yaml-syntax`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in the catalogue. */
  readonly summary: string;
}

/** A secondary location that explains a problem (the other side of a dependency, a duplicate…). */
export interface RelatedLocation {
  readonly message: string;
  readonly location: SourceLocation;
}

/** What a reader or a check reports; severity comes later from the catalogue and the config. */
export interface Problem {
  readonly ruleId: string;
  readonly message: string;
  readonly location: SourceLocation;
  readonly related?: readonly RelatedLocation[];
  /**
   * The worst default severity this problem may have: set when the context makes it less sure or
   * less harmful (e.g. a kustomization no Application renders). A severity set in the config wins.
   */
  readonly severityCap?: Severity;
  /** Fixes a person may choose to apply, best first. */
  readonly fixes?: readonly Fix[];
}

/** A problem with its effective severity: what hosts show. */
export interface Finding extends Problem {
  readonly severity: Severity;
}

/** Declares a rule's metadata; readers and checks import the result to report problems by it. */
export function defineRule(meta: RuleMeta): RuleMeta {
  if (!/^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/.test(meta.id)) throw new Error(`bad rule id ${meta.id}`);
  return Object.freeze({ ...meta });
}

/** Makes a problem of a rule. */
export function problem(
  rule: RuleMeta,
  message: string,
  location: SourceLocation,
  related?: readonly RelatedLocation[],
): Problem {
  return related && related.length > 0
    ? { ruleId: rule.id, message, location, related }
    : { ruleId: rule.id, message, location };
}
