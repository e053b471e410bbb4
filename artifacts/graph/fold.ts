/**
 * A group's (and a sink connector's) dead-letter and retry topics folded into its node: one box per group that says "retries after 1s ·
 * 2s · 4s, DLQ kept 28d" instead of a box and an edge per companion topic. Companions are a fixed pattern of each
 * group (DESIGN.md, "Retry tiers"), so drawing them says nothing a line of text does not, and they were most of a
 * graph's boxes: a group with three retry tiers drew five boxes and four edges.
 */
import { formatMs } from '../../model/duration';
import type { ResolvedConnector, Topology } from '../../model/topology';
import { lookup } from '../lookup';
import { flowSize, nodeId, type Graph, type GraphNode } from './model';

const FOLDED_KINDS: ReadonlySet<GraphNode['kind']> = new Set(['retry', 'dead-letter']);

/** The graph without retry and dead-letter nodes and edges; each group's node lists them in its details. */
export function foldCompanions(graph: Graph, topology: Topology): Graph {
  const folded = new Set(graph.nodes.filter((n) => FOLDED_KINDS.has(n.kind)).map((n) => n.id));
  // Groups and connectors come from the per-Topology index: this runs once per domain graph, and mapping every group
  // and connector of the environment on each call made the domain graphs quadratic.
  const index = lookup(topology);
  const connectors = connectorsByNode(topology);
  const nodes = graph.nodes
    .filter((n) => !folded.has(n.id))
    .map((n): GraphNode => {
      if (n.kind === 'connector') {
        // A sink connector's dead-letter topic folds into its box the same way.
        const dlq = connectors.get(n.id)?.deadLetter;
        if (dlq === undefined || dlq === null) return n;
        return { ...n, details: [...n.details, `DLQ${dlq.retentionMs === null ? '' : ` kept ${formatMs(dlq.retentionMs.value)}`}`] };
      }
      const group = n.kind === 'group' ? index.consumerGroup(n.label) : undefined;
      return group === undefined ? n : { ...n, details: [...n.details, ...companionFacts(group, topology)] };
    });
  const edges = graph.edges.filter((e) => !folded.has(e.from) && !folded.has(e.to));
  const domains = new Set(nodes.flatMap((n) => (n.domain === null ? [] : [n.domain])));
  return { ...graph, domains: graph.domains.filter((d) => domains.has(d.name)), nodes, edges };
}

/** The numbers of nodes and edges of `foldCompanions(buildGraph(topology), topology)`, without building either graph. */
export function foldedSize(topology: Topology): { readonly nodes: number; readonly edges: number } {
  return flowSize(topology, FOLDED_KINDS);
}

/** `retries after 1s · 2s · 4s` and `DLQ kept 28d` (or `2 DLQs kept 28d`, or their retentions when they differ). */
function companionFacts(group: Topology['consumerGroups'][number], topology: Topology): string[] {
  const facts: string[] = [];
  if (group.subscriptions.some((s) => s.retryTopics.length > 0)) facts.push(`retries after ${group.retryDelaysMs.map(formatMs).join(' · ')}`);
  const dlqs = group.subscriptions.flatMap((s) => (s.deadLetterTopic === null ? [] : [s.deadLetterTopic]));
  if (dlqs.length > 0) {
    const kept = [...new Set(dlqs.map((d) => lookup(topology).topic(d)?.retentionMs?.value ?? null))];
    const retention = kept.some((k) => k === null) ? '' : ` kept ${kept.map((k) => formatMs(k ?? 0)).join(' / ')}`;
    facts.push(`${dlqs.length === 1 ? 'DLQ' : `${dlqs.length} DLQs`}${retention}`);
  }
  return facts;
}

const connectorNodes = new WeakMap<Topology, ReadonlyMap<string, ResolvedConnector>>();

/** Connectors by the id of the node that draws them, built once per Topology (the last of an id, as a Map of the list keeps). */
function connectorsByNode(topology: Topology): ReadonlyMap<string, ResolvedConnector> {
  let byNode = connectorNodes.get(topology);
  if (byNode === undefined) {
    byNode = new Map((topology.connect?.connectors ?? []).map((k) => [nodeId.connector(k.cluster.groupId, k.name), k]));
    connectorNodes.set(topology, byNode);
  }
  return byNode;
}
