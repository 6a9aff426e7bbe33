import type { LayerGraph } from '../graph/types.js';
import { changesOf, hasChanges, type InstanceResult, type RunResult } from '../run-result.js';
import type { Dag } from '../schedule/dag.js';
import {
  fitsGitHubMermaid,
  MERMAID_MAX_EDGES,
  MERMAID_MAX_TEXT,
  renderGraphMermaid,
  renderLayerMermaid,
} from './graph-mermaid.js';
import { fenceFor } from './markdown-text.js';
import { plural } from './plural.js';

const CLASS_DEFS = [
  '  classDef succeeded fill:#dafbe1,stroke:#1a7f37,color:#0f5323',
  '  classDef changes fill:#fff8c5,stroke:#9a6700,color:#4d2d00',
  '  classDef failed fill:#ffebe9,stroke:#cf222e,color:#82071e',
  '  classDef skipped fill:#eaeef2,stroke:#6e7781,color:#424a53',
];

/** The Mermaid class for an instance: a plan with changes is amber, an applied one green like any success. */
function statusClass(
  instance: InstanceResult | undefined,
  command: RunResult['command'],
): string | undefined {
  switch (instance?.status) {
    case 'succeeded':
      return command === 'plan' && hasChanges(changesOf(instance)) ? 'changes' : 'succeeded';
    case 'failed':
      return 'failed';
    case 'skipped':
    case 'cancelled':
      return 'skipped';
    default:
      return undefined;
  }
}

/** The layer graph's node takes the first of these its instances have; the counts use the words. */
const LAYER_CLASSES = [
  { name: 'failed', word: 'failed' },
  { name: 'skipped', word: 'skipped' },
  { name: 'changes', word: 'with changes' },
  { name: 'succeeded', word: 'succeeded' },
];

/** The class definitions right after the diagram's first line. */
function withClassDefs(mermaid: string): string {
  const firstLineEnd = mermaid.indexOf('\n') + 1;
  return `${mermaid.slice(0, firstLineEnd)}${CLASS_DEFS.join('\n')}\n${mermaid.slice(firstLineEnd)}`;
}

/**
 * The graph as a Mermaid flowchart coloured by status, with a legend in words: instance by instance when GitHub
 * can render that, else layer by layer (with counts), else undefined.
 */
export function renderStatusDiagram(run: RunResult, graph: LayerGraph, dag: Dag): string | undefined {
  const byId = new Map(run.instances.map((instance) => [instance.id, instance]));
  const classOf = (id: string) => statusClass(byId.get(id), run.command);
  const full = withClassDefs(renderGraphMermaid(graph, dag, classOf));
  const isFull = fitsGitHubMermaid(full);
  const source = isFull ? full : withClassDefs(renderLayerMermaid(graph, dag, classOf, LAYER_CLASSES));
  if (!fitsGitHubMermaid(source)) return undefined;
  const fence = fenceFor(source);
  return [
    ...(isFull
      ? []
      : [
          `By layer: ${plural(dag.ids.length, 'instance')} are more than GitHub draws in one diagram (${MERMAID_MAX_TEXT.toLocaleString('en-US')} characters, ${MERMAID_MAX_EDGES} arrows). Each box counts a layer's instances; each arrow, the dependencies between two layers.`,
          '',
        ]),
    `${fence}mermaid`,
    source.trimEnd(),
    fence,
    '',
    isFull
      ? 'Green: succeeded · amber: changes pending · red: failed · grey: skipped or cancelled · plain: not finished or not in this run.'
      : 'A layer is red when any of its instances failed, else grey when any was skipped or cancelled, else amber when any has changes pending, else green when any succeeded.',
  ].join('\n');
}
