/**
 * A Mermaid flowchart of a Graph: one box per domain, services outside any box, dashed edges for retries and dead
 * letters. Node ids are derived from names (not positions), so adding a topic changes only its own lines in a diff.
 */
import { GENERATED_MARKER } from '../marker';
import type { Graph, GraphEdge, GraphNode, NodeKind } from './model';

const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  service: ['([', '])'],
  topic: ['[(', ')]'],
  'dead-letter': ['[(', ')]'],
  retry: ['[(', ')]'],
  group: ['[', ']'],
};

const CLASSES: Readonly<Record<NodeKind, string>> = {
  service: 'fill:#eef6ff,stroke:#3572b0',
  topic: 'fill:#f3f0ff,stroke:#5b3cc4',
  group: 'fill:#effaf1,stroke:#2f8a4a',
  retry: 'fill:#fff7e6,stroke:#c77c02',
  'dead-letter': 'fill:#fdecec,stroke:#c0392b',
};

export function renderMermaid(graph: Graph): string {
  const lines = [
    'flowchart LR',
    `  %% ${GENERATED_MARKER} from the declarations: environment ${graph.environment}, ${graph.focus === null ? 'all domains' : `domain ${graph.focus}`}. Do not edit.`,
  ];
  for (const node of graph.nodes.filter((n) => n.domain === null)) lines.push(`  ${nodeLine(node)}`);
  for (const domain of graph.domains) {
    lines.push(`  subgraph ${mermaidId(`domain:${domain.name}`)}["${text(`${domain.name} · ${domain.owner}`)}"]`);
    for (const node of graph.nodes.filter((n) => n.domain === domain.name)) lines.push(`    ${nodeLine(node)}`);
    lines.push('  end');
  }
  for (const edge of graph.edges) lines.push(`  ${edgeLine(edge)}`);
  for (const kind of Object.keys(CLASSES) as NodeKind[]) {
    const members = graph.nodes.filter((n) => n.kind === kind).map((n) => mermaidId(n.id));
    if (members.length === 0) continue;
    lines.push(`  classDef ${className(kind)} ${CLASSES[kind]}`);
    lines.push(`  class ${members.join(',')} ${className(kind)}`);
  }
  return `${lines.join('\n')}\n`;
}

function nodeLine(node: GraphNode): string {
  const [open, close] = SHAPES[node.kind];
  const label = [text(node.label), ...node.details.map(text)].join('<br/>');
  return `${mermaidId(node.id)}${open}"${label}"${close}`;
}

function edgeLine(edge: GraphEdge): string {
  const arrow = edge.kind === 'retries' || edge.kind === 'dead-letters' ? '-.->' : '-->';
  return `${mermaidId(edge.from)} ${arrow}|"${text(edge.label)}"| ${mermaidId(edge.to)}`;
}

function className(kind: NodeKind): string {
  return kind.replace(/-/g, '');
}

/**
 * An injective, Mermaid-safe id: the kind becomes a one-letter prefix, letters and digits stay, and every other
 * character becomes `_` and its hex code, so `topic:orders.order-created` → `t_orders_2eorder_2dcreated` and no two
 * names collide (nor hit Mermaid keywords such as `end`).
 */
export function mermaidId(id: string): string {
  const colon = id.indexOf(':');
  const kind = colon < 0 ? 'x' : id.slice(0, 1);
  const name = colon < 0 ? id : id.slice(colon + 1);
  return `${kind}_${name.replace(/[^A-Za-z0-9]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
}

/** Label text inside double quotes: Mermaid entity codes for the characters that would end or change the label. */
function text(value: string): string {
  return value.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`).replace(/[\r\n]+/g, ' ');
}
