// Generators that need a live system (SCM APIs, pull requests, cluster decisions, plugins): nothing offline.
import { liveGenerator } from '../../rules/appset/live-generator';
import type { GeneratorImplementation } from './generatorTypes';

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  scmProvider: 'queries an SCM provider API for repositories',
  pullRequest: 'queries an SCM provider API for open pull requests',
  clusterDecisionResource: 'reads a cluster decision resource from the cluster',
  plugin: 'calls a generator plugin service',
};

/** Names of the live-only generators. */
export const LIVE_GENERATOR_KINDS: readonly string[] = Object.keys(DESCRIPTIONS);

/** Makes the implementation of one live generator kind: reports it and yields nothing. */
export function liveGeneratorFor(kind: string): GeneratorImplementation {
  return (_body, bodyPath, _input, environment) => {
    environment.report(liveGenerator, `The ${kind} generator ${DESCRIPTIONS[kind] ?? 'needs a live system'}: its Applications cannot be listed offline.`, bodyPath);
    environment.markIncomplete();
    return [];
  };
}
