// Rule model/orphaned-application: An Application sits in a folder an Application renders, but that source does not include it, so Argo CD never creates it.
import { defineRule } from '../rule';

/** An Application sits in a folder an Application renders, but that source does not include it, so Argo CD never creates it. */
export const orphanedApplication = defineRule({
  id: 'model/orphaned-application',
  defaultSeverity: 'warning',
  summary: 'An Application sits in a folder an Application renders, but that source does not include it, so Argo CD never creates it.',
});
