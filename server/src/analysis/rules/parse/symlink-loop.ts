// Rule parse/symlink-loop: A symbolic link that loops back into a folder already walked was not followed.
import { defineRule } from '../rule';

/** A symbolic link that loops back into a folder already walked was not followed. */
export const symlinkLoop = defineRule({
  id: 'parse/symlink-loop',
  defaultSeverity: 'info',
  summary: 'A symbolic link that loops back into a folder already walked was not followed.',
});
