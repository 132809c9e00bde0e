// Rule parse/file-count-cap: The repository has more files than the cap; the walk stopped and the rest was not analysed.
import { defineRule } from '../rule';

/** The repository has more files than the cap; the walk stopped and the rest was not analysed. */
export const fileCountCap = defineRule({
  id: 'parse/file-count-cap',
  defaultSeverity: 'warning',
  summary: 'The repository has more files than the cap; the walk stopped and the rest was not analysed.',
});
