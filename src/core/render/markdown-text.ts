/** `&`, `<` and `>` as entities, for text inside HTML such as a `<summary>`. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Text that reads literally inside a Markdown paragraph or table cell: HTML neutralised, the punctuation that
 * would start emphasis, code, links or strike-through backslash-escaped, `|` escaped so it cannot split a
 * cell, and line breaks folded into spaces.
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text)
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A code fence longer than any run of backticks in `text`, so no line of it can close the fence early. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A Markdown link whose target cannot end early or break the line: spaces, brackets and parentheses percent-encoded. */
export function markdownLink(text: string, url: string): string {
  const target = url.replace(/[\s()<>[\]]/g, (character) =>
    character === '(' ? '%28' : character === ')' ? '%29' : encodeURIComponent(character),
  );
  return `[${escapeMarkdown(text)}](${target})`;
}
