// Rule project/namespaced-resource-not-permitted: a namespaced resource kind the AppProject's lists refuse.
import { resourceKindProblems } from '../../projects/resourceKindFindings';
import { defineCheck } from '../check';

/** A rendered namespaced resource (or child Application) whose group/kind the AppProject's namespace resource lists refuse. */
export const namespacedResourceNotPermitted = defineCheck(
  {
    id: 'project/namespaced-resource-not-permitted',
    defaultSeverity: 'error',
    summary: "A namespaced resource kind (child Applications included) that the Application's AppProject whitelist omits or blacklist names.",
  },
  (context) => resourceKindProblems(context, namespacedResourceNotPermitted, true),
);
