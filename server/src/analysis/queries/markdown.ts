// Small Markdown helpers for hover texts: inline code that survives backticks, and plain text escaping.

/** Inline code: the text between enough backticks that none inside closes it. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

/** Text with Markdown's active characters escaped (messages and explanations quoted as prose). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
