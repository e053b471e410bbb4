/**
 * The Mermaid graphs the documents show, each drawn so that it renders with Mermaid's default settings (the ones
 * GitHub uses): companions folded into their groups, and a graph too large for one picture replaced by a smaller one.
 *
 * - The environment's graph (`docs/<env>/graph.mmd`) is the whole flow while it has at most GRAPH_MAX_NODES boxes and
 *   stays within Mermaid's limits; above that it is the domain-to-domain overview, and each domain's flow is in
 *   `graphs/<domain>.mmd`.
 * - A domain's graph cannot be split further: above the same threshold it drops the facts under each name, and if even
 *   that is beyond Mermaid's limits it says so in one box (the domain's page lists everything in tables).
 */
import type { Topology } from '../../model/topology';
import { GENERATED_MARKER } from '../marker';
import { GRAPH_MAX_NODES, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT_SIZE } from '../limits';
import { foldCompanions, foldedSize } from './fold';
import { renderMermaid, text } from './mermaid';
import { buildGraph, type Graph } from './model';
import { domainLinks, renderOverview } from './overview';

/** True when Mermaid's defaults draw the text: within maxTextSize and, as far as edges go, maxEdges. */
export function withinMermaidLimits(mermaid: string, edges: number): boolean {
  return mermaid.length <= MERMAID_MAX_TEXT_SIZE && edges <= MERMAID_MAX_EDGES;
}

/** The flow graph the documents draw: companions folded into their groups. */
export function documentGraph(topology: Topology, focus: string | null = null): Graph {
  return foldCompanions(buildGraph(topology, focus), topology);
}

/** `docs/<env>/graph.mmd`: the whole flow, or the domain overview when the flow is too large for one picture. */
export function environmentFlow(topology: Topology): string {
  // Counted before it is built: a large environment's whole graph is never drawn, and building it only to count it
  // (sorting ~60,000 boxes and ~80,000 edges at 10,000 topics) was most of this function's time.
  const size = foldedSize(topology);
  if (size.nodes <= GRAPH_MAX_NODES) {
    const graph = documentGraph(topology);
    const whole = renderMermaid(graph);
    if (withinMermaidLimits(whole, graph.edges.length)) return whole;
  }
  return overview(
    topology,
    `${size.nodes} boxes and ${size.edges} edges are more than one readable graph holds (${GRAPH_MAX_NODES} boxes), so this is the domain overview; each domain's flow is in graphs/<domain>.mmd.`,
  );
}

/** `docs/<env>/graphs/<domain>.mmd` and the graph on the domain's page. */
export function domainFlow(topology: Topology, domain: string): string {
  const graph = documentGraph(topology, domain);
  if (graph.nodes.length <= GRAPH_MAX_NODES) {
    const whole = renderMermaid(graph);
    if (withinMermaidLimits(whole, graph.edges.length)) return whole;
  }
  const bare = renderMermaid(graph, {
    details: false,
    notes: [`${graph.nodes.length} boxes: names only; the facts of each topic and group are in the domain's catalog page.`],
  });
  if (withinMermaidLimits(bare, graph.edges.length)) return bare;
  const topics = graph.nodes.filter((n) => n.kind === 'topic' && n.domain === domain).length;
  const groups = graph.nodes.filter((n) => n.kind === 'group' && n.domain === domain).length;
  return [
    'flowchart LR',
    `  %% ${GENERATED_MARKER} from the declarations: environment ${topology.environment.name}, domain ${domain}. Do not edit.`,
    `  too_large["${text(`domain ${domain}: ${topics} topics and ${groups} groups, ${graph.edges.length} edges, too many for one Mermaid graph; see the tables of the domain's catalog page`)}"]`,
    '',
  ].join('\n');
}

/** The domain overview shown on the environment's index page. */
export function overview(topology: Topology, note?: string): string {
  const drawn = renderOverview(topology, note === undefined ? [] : [note]);
  if (withinMermaidLimits(drawn, domainLinks(topology).length)) return drawn;
  return [
    'flowchart LR',
    `  %% ${GENERATED_MARKER} from the declarations: environment ${topology.environment.name}. Do not edit.`,
    `  too_large["${text(`${topology.domains.length} domains: too many links for one Mermaid graph; see the domains table`)}"]`,
    '',
  ].join('\n');
}
