// Rule app/ref-source-with-chart: A `$name/…` value file points at a `ref` source that also has `chart:`: Argo CD does not support it.
import { defineRule } from '../rule';

/** A `$name/…` value file points at a `ref` source that also has `chart:`: Argo CD does not support it. */
export const refSourceWithChart = defineRule({
  id: 'app/ref-source-with-chart',
  defaultSeverity: 'error',
  summary: 'A `$name/…` value file points at a `ref` source that also has `chart:`: Argo CD does not support it.',
});
