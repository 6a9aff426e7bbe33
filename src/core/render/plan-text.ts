/**
 * A plan's text as a report shows it. Terraform's own output, with what a reviewer skims past taken out and what
 * they look for made visible: `Refreshing state…` and data-source `Reading…` lines dropped; a plan with changes
 * in a `diff` fence with its `+`, `-`, `~` and `-/+` markers moved to the start of the line, where GitHub's diff
 * colouring looks for them (`~` as `!`, which it colours as changed); a failed plan's long lines wrapped, since
 * GitHub scrolls a code block sideways instead and the end of an error line is usually the part that matters.
 */

/** A failed plan's lines longer than this are wrapped. */
export const WRAP_AT = 120;

/** Progress lines: `aws_vpc.main: Refreshing state... [id=vpc-1]`, `data.x.y: Reading...`, `Read complete after 1s`. */
const PROGRESS_LINE = /^\S.*: (Refreshing state\.\.\.|Reading\.\.\.|Read complete after \S+)( \[.*\])?$/;

/** A change marker after its indentation: `  + resource`, `  -/+ resource`, `      ~ tags = {`. */
const MARKER = /^(\s+)(-\/\+|\+\/-|[-+~])(?=\s)/;

export interface ReportPlan {
  language: 'diff' | 'text';
  text: string;
}

export function planForReport(text: string, shape: { isFailed: boolean; hasChanges: boolean }): ReportPlan {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !PROGRESS_LINE.test(line));
  if (shape.isFailed) return { language: 'text', text: lines.flatMap(wrapLine).join('\n') };
  if (!shape.hasChanges) return { language: 'text', text: lines.join('\n') };
  return { language: 'diff', text: markersFirst(lines).join('\n') };
}

/** `content = <<-EOT`, maybe `# forces replacement` after it: the start of a heredoc ending at `EOT`. */
const HEREDOC_START = /<<-?([A-Za-z_]\w*)(\s+#.*)?$/;

/**
 * Each change marker moved to the start of its line. Inside a heredoc, lines are the string's own text, where a
 * leading `- ` is content, not a removal: only an updated (`~`) heredoc marks its lines, so only there are they moved.
 */
function markersFirst(lines: readonly string[]): string[] {
  let heredoc: { tag: string; isMarked: boolean } | null = null;
  return lines.map((line) => {
    if (heredoc !== null) {
      if (line.trim() === heredoc.tag) heredoc = null;
      else if (!heredoc.isMarked) return line;
    }
    const marker = MARKER.exec(line)?.[2];
    const opens = HEREDOC_START.exec(line);
    if (opens?.[1] !== undefined) heredoc = { tag: opens[1], isMarked: marker === '~' };
    return line.replace(
      MARKER,
      (_, indent: string, found: string) => `${found === '~' ? '!' : found}${indent}`,
    );
  });
}

/**
 * A line cut into pieces of at most WRAP_AT characters, at a space where there is one; each continuation starts
 * with the line's own prefix (indentation and Terraform's `│` box edge) so it still reads as part of the box.
 */
function wrapLine(line: string): string[] {
  if (line.length <= WRAP_AT) return [line];
  const prefix = /^[\s│]*/.exec(line)?.[0] ?? '';
  const room = Math.max(20, WRAP_AT - prefix.length - 2);
  const pieces: string[] = [];
  let rest = line.slice(prefix.length);
  let lead = prefix;
  while (rest.length > room) {
    const space = rest.lastIndexOf(' ', room);
    const end = space > room / 2 ? space : room;
    pieces.push(`${lead}${rest.slice(0, end).trimEnd()}`);
    rest = rest.slice(end).trimStart();
    lead = `${prefix}  `;
  }
  pieces.push(`${lead}${rest}`);
  return pieces;
}
