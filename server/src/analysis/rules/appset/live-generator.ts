// Rule appset/live-generator: A generator that needs a live system (SCM, pull requests, cluster decisions, plugins): its Applications cannot be listed offline.
import { defineRule } from '../rule';

/** A generator that needs a live system (SCM, pull requests, cluster decisions, plugins): its Applications cannot be listed offline. */
export const liveGenerator = defineRule({
  id: 'appset/live-generator',
  defaultSeverity: 'info',
  summary: 'A generator that needs a live system (SCM, pull requests, cluster decisions, plugins): its Applications cannot be listed offline.',
});
