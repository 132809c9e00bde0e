// Rule app/unknown-value-file-ref: A `$name/…` Helm value file that names no `ref` source of the Application: manifest generation fails.
import { defineRule } from '../rule';

/** A `$name/…` Helm value file that names no `ref` source of the Application: manifest generation fails. */
export const unknownValueFileRef = defineRule({
  id: 'app/unknown-value-file-ref',
  defaultSeverity: 'error',
  summary: 'A `$name/…` Helm value file that names no `ref` source of the Application: manifest generation fails.',
});
