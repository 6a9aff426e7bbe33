import { parseArgs } from 'node:util';
import { showGraph } from '../app/show-graph.js';
import { UsageError } from '../core/errors.js';
import { writeGraphJson } from '../core/render/graph-json.js';
import { renderGraphMermaid } from '../core/render/graph-mermaid.js';
import { renderGraphText } from '../core/render/graph-text.js';
import type { CliOutput } from './output.js';
import { SELECTION_HELP, SELECTION_OPTIONS, selectionFromFlags } from './selection-options.js';

export const GRAPH_HELP = `Usage: strata graph [options]

Reads the manifest, expands it into layer instances and prints them in dependency order. Runs no Terraform.

Options:
  --manifest FILE    the manifest (default: layers.yml)
  --format F         text (default, for people), json (nodes, edges and waves) or mermaid (a flowchart)
  --help             show this help

${SELECTION_HELP}
`;

const FORMATS = ['text', 'json', 'mermaid'] as const;

export function graphCommand(argv: string[], output: CliOutput, cwd: string): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      manifest: { type: 'string', default: 'layers.yml' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean' },
      ...SELECTION_OPTIONS,
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) {
    output.out(GRAPH_HELP);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
  }
  const { loaded, dag, waves } = showGraph({
    manifestFile: values.manifest,
    cwd,
    selection: selectionFromFlags(values),
  });
  if (format === 'json') {
    writeGraphJson(loaded.graph, dag, waves, (chunk) => {
      output.out(chunk);
    });
  } else if (format === 'mermaid') output.out(renderGraphMermaid(loaded.graph, dag));
  else output.out(renderGraphText(loaded.graph, dag, waves, values.manifest));
  return 0;
}
