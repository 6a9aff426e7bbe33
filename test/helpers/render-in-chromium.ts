import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Marked, type Tokens } from 'marked';
import { scratchDir, startProcess } from './scratch.js';

/**
 * Markdown as GitHub shows it to a reviewer, near enough to catch what they would trip over: rendered as GFM by
 * `marked`, each ```mermaid block drawn by Mermaid (the npm package, with GitHub's limits: 50,000 characters,
 * 500 edges) in headless Chromium (Debian's `chromium`, which .ci/run installs), ```diff blocks coloured line by
 * line as GitHub colours them, every <details> open. Reports each diagram's error, if any, and can save a
 * screenshot of the page.
 */

/** Chromium's binary: STRATA_CHROMIUM, else Debian's. Undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.STRATA_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

export interface RenderedDiagram {
  /** The diagram's first line (`flowchart LR`, `gantt`). */
  kind: string;
  /** Mermaid's error, or the error text it drew instead of the diagram; null when it drew the diagram. */
  error: string | null;
}

const MERMAID_SCRIPT = path.resolve('node_modules', 'mermaid', 'dist', 'mermaid.min.js');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's colours for a diff block's lines: added, removed, changed (`!`). */
function diffLine(line: string): string {
  const colour = line.startsWith('+')
    ? 'background:#dafbe1;color:#116329'
    : line.startsWith('-')
      ? 'background:#ffebe9;color:#82071e'
      : line.startsWith('!')
        ? 'color:#953800'
        : '';
  return `<span style="${colour}">${escapeHtml(line)}</span>`;
}

const marked = new Marked({ gfm: true });
marked.use({
  renderer: {
    code({ text, lang }: Tokens.Code) {
      if (lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
      if (lang === 'diff') return `<pre class="diff">${text.split('\n').map(diffLine).join('\n')}</pre>\n`;
      return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
    },
  },
});

/** Phrases Mermaid draws in place of a diagram it could not render. */
const DRAWN_ERRORS = /Syntax error in text|Maximum text size in diagram exceeded|Edge limit exceeded/;

function pageOf(markdown: string): string {
  const body = marked.parse(markdown, { async: false });
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328;
  max-width: 1012px; margin: 16px auto; padding: 0 16px; }
table { border-collapse: collapse; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
pre { background: #f6f8fa; padding: 16px; overflow: auto; font: 12px/1.45 ui-monospace, monospace; }
pre.mermaid { background: none; }
blockquote { color: #59636e; border-left: .25em solid #d1d9e0; margin: 0; padding: 0 1em; }
</style></head><body>
${body}
<pre id="strata-results" hidden></pre>
<script src="${pathToFileURL(MERMAID_SCRIPT).href}"></script>
<script>
(async () => {
  const results = [];
  document.querySelectorAll('details').forEach((details) => { details.open = true; });
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 50000, maxEdges: 500 });
  const blocks = [...document.querySelectorAll('pre.mermaid')];
  for (const [index, block] of blocks.entries()) {
    const text = block.textContent;
    const kind = text.trim().split('\\n')[0];
    try {
      const { svg } = await mermaid.render('strata-diagram-' + index, text);
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      block.replaceWith(holder);
      const drawn = ${DRAWN_ERRORS.toString()}.exec(holder.textContent);
      results.push({ kind, error: drawn ? drawn[0] : null });
    } catch (error) {
      results.push({ kind, error: String(error && error.message || error) });
    }
  }
  document.getElementById('strata-results').textContent = JSON.stringify(results);
})();
</script>
</body></html>
`;
}

/** Runs Chromium to its end (it exits by itself after the virtual time budget); its stdout. */
async function runChromium(chromium: string, args: string[]): Promise<string> {
  const child = startProcess(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--hide-scrollbars',
      '--virtual-time-budget=30000',
      ...args,
    ],
    {},
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (status !== 0) throw new Error(`chromium exited with ${status}: ${stderr.slice(-2000)}`);
  return stdout;
}

/**
 * Renders `markdown` and returns its diagrams as Mermaid drew them. With `screenshot` (a .png path), also saves
 * the page, `height` pixels tall, 1,100 wide.
 */
export async function renderInChromium(
  chromium: string,
  markdown: string,
  options: { screenshot?: string; height?: number } = {},
): Promise<RenderedDiagram[]> {
  const page = path.join(scratchDir('strata-render-'), 'page.html');
  writeFileSync(page, pageOf(markdown));
  const url = pathToFileURL(page).href;
  const dom = await runChromium(chromium, ['--allow-file-access-from-files', '--dump-dom', url]);
  const results = /<pre id="strata-results" hidden="">([^<]*)<\/pre>/.exec(dom)?.[1];
  if (results === undefined || results === '') {
    throw new Error(`the page did not finish rendering its diagrams: ${dom.slice(-2000)}`);
  }
  if (options.screenshot !== undefined) {
    await runChromium(chromium, [
      '--allow-file-access-from-files',
      `--window-size=1100,${options.height ?? 2000}`,
      `--screenshot=${options.screenshot}`,
      url,
    ]);
    if (!existsSync(options.screenshot) || readFileSync(options.screenshot).length === 0) {
      throw new Error(`chromium wrote no screenshot to ${options.screenshot}`);
    }
  }
  const unescaped = results
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(unescaped) as RenderedDiagram[];
}
