/**
 * A Graphviz DOT digraph of a Graph: one `cluster_` subgraph per domain, services outside, dashed edges for retries
 * and dead letters. Every id is a quoted string, so any topic or group name is a valid id.
 */
import { GENERATED_MARKER } from '../marker';
import type { Graph, GraphNode, NodeKind } from './model';

const SHAPES: Readonly<Record<NodeKind, string>> = {
  service: 'shape=box, style="rounded,filled", fillcolor="#eef6ff"',
  topic: 'shape=cylinder, style=filled, fillcolor="#f3f0ff"',
  group: 'shape=box, style=filled, fillcolor="#effaf1"',
  streams: 'shape=component, style=filled, fillcolor="#e9f7f7"',
  connector: 'shape=parallelogram, style=filled, fillcolor="#f4f4f4"',
  retry: 'shape=cylinder, style=filled, fillcolor="#fff7e6"',
  'dead-letter': 'shape=cylinder, style=filled, fillcolor="#fdecec"',
};

export function renderDot(graph: Graph): string {
  const title = graph.focus === null ? 'all domains' : `domain ${graph.focus}`;
  const lines = [
    `// ${GENERATED_MARKER} from the declarations: environment ${graph.environment}, ${title}. Do not edit.`,
    `digraph ${quote(`topicform ${graph.environment}`)} {`,
    '  rankdir=LR;',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of graph.nodes.filter((n) => n.domain === null)) lines.push(`  ${nodeLine(node)}`);
  for (const domain of graph.domains) {
    lines.push(`  subgraph ${quote(`cluster_${domain.name}`)} {`);
    lines.push(`    label=${quote(`${domain.name} · ${domain.owner}`)};`);
    for (const node of graph.nodes.filter((n) => n.domain === domain.name)) lines.push(`    ${nodeLine(node)}`);
    lines.push('  }');
  }
  for (const edge of graph.edges) {
    const style = edge.kind === 'retries' || edge.kind === 'dead-letters' ? ', style=dashed' : '';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.label)}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeLine(node: GraphNode): string {
  const label = [node.label, ...node.details].map(escape).join('\\n');
  return `${quote(node.id)} [label="${label}", ${SHAPES[node.kind]}];`;
}

/** A DOT quoted string (ID): backslashes and double quotes escaped, line breaks removed. */
export function quote(value: string): string {
  return `"${escape(value)}"`;
}

function escape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ');
}
