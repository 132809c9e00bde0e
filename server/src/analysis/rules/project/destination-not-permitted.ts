// Rule project/destination-not-permitted: a destination (or a resource's namespace) the AppProject does not allow.
import { isTemplated } from '../../argo/plainValues';
import { locateField } from '../../kube/locateObject';
import { applicationsToJudge, ProblemsByLocation } from '../../projects/applicationsToJudge';
import { repositoryClusters, resolveDestination } from '../../projects/destinationCluster';
import { projectCheckFacts, projectDirectory } from '../../projects/projectLookup';
import { isDestinationPermitted } from '../../projects/projectPermissions';
import { resourceScopes } from '../../projects/resourceScope';
import { defineCheck } from '../check';
import type { RelatedLocation } from '../rule';

/** The destination, or the namespace of a namespaced resource, matches none of the AppProject's destinations. */
export const destinationNotPermitted = defineCheck(
  {
    id: 'project/destination-not-permitted',
    defaultSeverity: 'error',
    summary: "The destination (or a resource's namespace) matches none of the destinations of the Application's AppProject.",
  },
  (context) => {
    const { index, model } = context;
    const directory = projectDirectory(model, index);
    const clusters = repositoryClusters(index);
    const scopes = resourceScopes(index);
    const collected = new ProblemsByLocation(destinationNotPermitted);
    const facts = projectCheckFacts(model, index);
    collected.addForNodes(context, applicationsToJudge(model), facts, (sink, { node, application }) => {
      const lookup = directory.lookup(application.project);
      if (lookup.status !== 'defined' || lookup.definitions.length === 0) return;
      const { server, name, namespace } = application.destination;
      if ([server, name, namespace].some((value) => value !== undefined && isTemplated(value))) return;
      if (server === undefined && name === undefined) return;
      const destination = resolveDestination(clusters, application.destination);
      // A cluster Secret scoped to this project, or a cluster the repository does not declare, may change the answer.
      const projectScopedCluster = clusters.some((cluster) => cluster.project !== undefined && lookup.definitions.some((project) => project.name === cluster.project));
      const certain = lookup.certain && destination.clusterKnown && !projectScopedCluster;
      const projectName = lookup.definitions[0]?.name ?? '';
      // Located only for a problem: a judgement that reads the AppProject's file is touched by every edit of it.
      const relatedOf = (): RelatedLocation[] =>
        lookup.definitions.map((project) => ({ message: `destinations of AppProject ${project.name}`, location: locateField(index, project.object.origin, ['spec', 'destinations']) }));
      const permittedIn = (targetNamespace: string): { permitted: boolean; deniedBy: string | undefined } => {
        const verdicts = lookup.definitions.map((project) => isDestinationPermitted(project, { ...destination, namespace: targetNamespace }));
        return { permitted: verdicts.some((verdict) => verdict.permitted), deniedBy: verdicts[0]?.deniedBy };
      };
      const cluster = destination.server !== '' ? `server '${destination.server}'` : `cluster '${destination.name}'`;
      const applicationVerdict = permittedIn(destination.namespace);
      if (!applicationVerdict.permitted) {
        const at = namespace !== undefined ? ['spec', 'destination', 'namespace'] : ['spec', 'destination'];
        const denied = applicationVerdict.deniedBy !== undefined ? ` (the deny entry '${applicationVerdict.deniedBy}' rejects it)` : '';
        sink.add(
          locateField(index, node.origin, at, namespace !== undefined ? 'value' : 'key'),
          `${projectName}\u0000${destination.server}\u0000${destination.name}\u0000${destination.namespace}`,
          node.name,
          (names) =>
            `Argo CD refuses ${names}: destination ${cluster}, namespace '${destination.namespace}' matches none of the destinations of project '${projectName}'${denied}.`,
          { certain, related: relatedOf() },
        );
        return;
      }
      // Argo CD also checks each namespaced resource's own namespace against the project's destinations.
      for (const resource of node.resources) {
        const object = resource.object;
        if (object.namespace === undefined || object.namespace === destination.namespace || isTemplated(object.namespace)) continue;
        if (scopes.scopeOfObject(object) !== 'namespaced') continue;
        const resourceVerdict = permittedIn(object.namespace);
        if (resourceVerdict.permitted) continue;
        const resourceNamespace = object.namespace;
        sink.add(
          locateField(index, object.origin, ['metadata', 'namespace'], 'value'),
          `${projectName}\u0000${destination.server}\u0000${destination.name}\u0000${resourceNamespace}`,
          node.name,
          (names) =>
            `${object.kind} ${object.name} goes to namespace '${resourceNamespace}', which matches none of the destinations of project '${projectName}' (${cluster}): the sync of ${names} fails ("namespace ${resourceNamespace} is not permitted in project '${projectName}'").`,
          { certain, related: relatedOf() },
        );
      }
    });
    return collected.problems();
  },
);
