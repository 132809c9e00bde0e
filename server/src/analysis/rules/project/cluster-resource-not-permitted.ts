// Rule project/cluster-resource-not-permitted: a cluster-scoped resource kind the AppProject does not whitelist.
import { resourceKindProblems } from '../../projects/resourceKindFindings';
import { defineCheck } from '../check';

/** A rendered cluster-scoped resource whose group/kind the AppProject's clusterResourceWhitelist does not permit. */
export const clusterResourceNotPermitted = defineCheck(
  {
    id: 'project/cluster-resource-not-permitted',
    defaultSeverity: 'error',
    summary: "A cluster-scoped resource kind that the Application's AppProject does not whitelist (or blacklists).",
  },
  (context) => resourceKindProblems(context, clusterResourceNotPermitted, false),
);
