// Rule parse/symlink-escape: A symbolic link pointing outside the repository was not followed.
import { defineRule } from '../rule';

/** A symbolic link pointing outside the repository was not followed. */
export const symlinkEscape = defineRule({
  id: 'parse/symlink-escape',
  defaultSeverity: 'warning',
  summary: 'A symbolic link pointing outside the repository was not followed.',
});
