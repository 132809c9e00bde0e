// Rule app/value-file-ref-without-sources: A `$name/…` value file in a single-source Application: refs only work with `spec.sources`, so it is read as a plain path.
import { defineRule } from '../rule';

/** A `$name/…` value file in a single-source Application: refs only work with `spec.sources`, so it is read as a plain path. */
export const valueFileRefWithoutSources = defineRule({
  id: 'app/value-file-ref-without-sources',
  defaultSeverity: 'warning',
  summary: 'A `$name/…` value file in a single-source Application: refs only work with `spec.sources`, so it is read as a plain path.',
});
