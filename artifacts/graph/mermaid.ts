/**
 * A Mermaid flowchart of a Graph: one box per domain, services outside any box, dashed edges for retries and dead
 * letters (when the graph still has them: the documents fold them into their group, ./fold.ts). Node ids are short
 * hashes of the names (./mermaid-ids.ts), so adding a topic changes only its own lines in a diff.
 */
import { GENERATED_MARKER } from '../marker';
import type { Graph, GraphEdge, GraphNode, NodeKind } from './model';
import { mermaidIds } from './mermaid-ids';

const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  service: ['([', '])'],
  topic: ['[(', ')]'],
  'dead-letter': ['[(', ')]'],
  retry: ['[(', ')]'],
  group: ['[', ']'],
  streams: ['[[', ']]'],
  connector: ['[/', '/]'],
};

const CLASSES: Readonly<Record<NodeKind, string>> = {
  service: 'fill:#eef6ff,stroke:#3572b0',
  topic: 'fill:#f3f0ff,stroke:#5b3cc4',
  group: 'fill:#effaf1,stroke:#2f8a4a',
  streams: 'fill:#e9f7f7,stroke:#1f7a7a',
  connector: 'fill:#f4f4f4,stroke:#555555',
  retry: 'fill:#fff7e6,stroke:#c77c02',
  'dead-letter': 'fill:#fdecec,stroke:#c0392b',
};

export interface MermaidOptions {
  /** Leave out the facts under each name (key, partitions, …): a smaller text for a graph too large with them. @default true */
  readonly details?: boolean;
  /** Comment lines after the header, e.g. why the graph is drawn the way it is. @default none */
  readonly notes?: readonly string[];
}

export function renderMermaid(graph: Graph, options: MermaidOptions = {}): string {
  const ids = mermaidIds([...graph.nodes.map((n) => n.id), ...graph.domains.map((d) => `domain:${d.name}`)]);
  const id = (name: string): string => ids.get(name) ?? name;
  const details = options.details ?? true;
  const lines = [
    'flowchart LR',
    `  %% ${GENERATED_MARKER} from the declarations: environment ${graph.environment}, ${graph.focus === null ? 'all domains' : `domain ${graph.focus}`}. Do not edit.`,
    ...(options.notes ?? []).map((note) => `  %% ${oneLine(note)}`),
  ];
  const node = (n: GraphNode): string => {
    const [open, close] = SHAPES[n.kind];
    return `${id(n.id)}${open}"${[n.label, ...(details ? n.details : [])].map(text).join('<br/>')}"${close}`;
  };
  for (const n of graph.nodes.filter((x) => x.domain === null)) lines.push(`  ${node(n)}`);
  for (const domain of graph.domains) {
    lines.push(`  subgraph ${id(`domain:${domain.name}`)}["${text(`${domain.name} · ${domain.owner}`)}"]`);
    for (const n of graph.nodes.filter((x) => x.domain === domain.name)) lines.push(`    ${node(n)}`);
    lines.push('  end');
  }
  for (const edge of graph.edges) lines.push(`  ${edgeLine(edge, id)}`);
  for (const kind of Object.keys(CLASSES) as NodeKind[]) {
    const members = graph.nodes.filter((n) => n.kind === kind).map((n) => id(n.id));
    if (members.length === 0) continue;
    lines.push(`  classDef ${className(kind)} ${CLASSES[kind]}`);
    lines.push(`  class ${members.join(',')} ${className(kind)}`);
  }
  return `${lines.join('\n')}\n`;
}

function edgeLine(edge: GraphEdge, id: (name: string) => string): string {
  const arrow = edge.kind === 'retries' || edge.kind === 'dead-letters' ? '-.->' : '-->';
  return `${id(edge.from)} ${arrow}|"${text(edge.label)}"| ${id(edge.to)}`;
}

function className(kind: NodeKind): string {
  return kind.replace(/-/g, '');
}

/** Label text inside double quotes: Mermaid entity codes for the characters that would end or change the label. */
export function text(value: string): string {
  return value.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}

/** A `%%` comment is one line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}
