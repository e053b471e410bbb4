/**
 * The event flow of one environment as nodes and edges: producing services → topics → consumer groups → their
 * dead-letter and retry topics; input topics → Kafka Streams applications → output topics (their internal changelog and
 * repartition topics summarised on the application's box, since Kafka Streams creates them); source connectors →
 * topics → sink connectors → their dead-letter topics. Mermaid, DOT and JSON renderers draw this one value.
 *
 * A domain's graph holds every edge that touches the domain (its topics' producers and readers, its groups and what
 * they read from other domains), with the other end drawn in its own domain's box.
 */
import { formatMs, toMs } from '../../model/duration';
import type {
  ResolvedCompanionTopic,
  ResolvedConnectTopic,
  ResolvedConnector,
  ResolvedEventTopic,
  ResolvedStreamsApplication,
  Topology,
} from '../../model/topology';
import { compareStrings } from '../format';
import { appendTo } from '../../model/group-by';

export const NODE_KINDS = ['service', 'topic', 'group', 'streams', 'connector', 'dead-letter', 'retry'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = ['produces', 'consumes', 'retries', 'dead-letters'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface GraphNode {
  /**
   * Stable, content-derived: `service:<name>`, `topic:<topic name>`, `group:<group id>`, `streams:<application.id>`,
   * `connector:<Connect group id>/<connector name>`.
   */
  readonly id: string;
  readonly kind: NodeKind;
  /** The name: service, topic, group id, application id or connector name. */
  readonly label: string;
  /** Short facts shown under the name, e.g. `key orderId`, `24 partitions`. */
  readonly details: readonly string[];
  /** The domain that owns it; null for services, which belong to no domain. */
  readonly domain: string | null;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label: string;
}

export interface GraphDomain {
  readonly name: string;
  readonly owner: string;
}

export interface Graph {
  readonly environment: string;
  /** The domain the graph is about, or null for the whole environment. */
  readonly focus: string | null;
  /** Domains with at least one node in the graph, sorted. */
  readonly domains: readonly GraphDomain[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export const nodeId = {
  service: (name: string): string => `service:${name}`,
  topic: (name: string): string => `topic:${name}`,
  group: (groupId: string): string => `group:${groupId}`,
  streams: (applicationId: string): string => `streams:${applicationId}`,
  connector: (clusterGroupId: string, name: string): string => `connector:${clusterGroupId}/${name}`,
} as const;

interface Flow {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly edges: readonly GraphEdge[];
  /** Edges touching each domain (either end), and the nodes each domain owns: what a focused graph keeps. */
  readonly edgesByDomain: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly nodesByDomain: ReadonlyMap<string, readonly GraphNode[]>;
}

/**
 * The whole environment's flow, built once per Topology object: the catalog draws one focused graph per domain (twice:
 * its page and its .mmd file), and rebuilding the full flow for each made the artifacts step quadratic in domains.
 */
const flows = new WeakMap<Topology, Flow>();
const graphs = new WeakMap<Topology, Map<string | null, Graph>>();

function flowOf(topology: Topology): Flow {
  const known = flows.get(topology);
  if (known !== undefined) return known;
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const add = (node: GraphNode): void => void nodes.set(node.id, node);

  for (const t of topology.topics) add(t.kind === 'event' ? eventTopicNode(t) : companionNode(t));
  for (const p of topology.producers) {
    add({ id: nodeId.service(p.service), kind: 'service', label: p.service, details: [], domain: null });
    edges.push({
      from: nodeId.service(p.service),
      to: nodeId.topic(p.topicName),
      kind: 'produces',
      label: p.transactionalIdPrefix === null ? 'produces' : 'produces (transactional)',
    });
  }
  for (const g of topology.consumerGroups) {
    add({ id: nodeId.group(g.groupId), kind: 'group', label: g.groupId, details: [g.service], domain: g.domain });
    for (const s of g.subscriptions) {
      edges.push({ from: nodeId.topic(s.topicName), to: nodeId.group(g.groupId), kind: 'consumes', label: 'consumes' });
      s.retryTopics.forEach((r, i) => {
        edges.push({ from: nodeId.group(g.groupId), to: nodeId.topic(r), kind: 'retries', label: `retry ${i + 1}` });
      });
      if (s.deadLetterTopic !== null) {
        edges.push({ from: nodeId.group(g.groupId), to: nodeId.topic(s.deadLetterTopic), kind: 'dead-letters', label: 'dead letters' });
      }
    }
  }
  for (const a of topology.streamsApplications ?? []) {
    add(streamsNode(a));
    for (const i of a.inputs) edges.push({ from: nodeId.topic(i.topicName), to: nodeId.streams(a.applicationId), kind: 'consumes', label: 'consumes' });
    for (const o of a.outputs) {
      edges.push({
        from: nodeId.streams(a.applicationId),
        to: nodeId.topic(o.topicName),
        kind: 'produces',
        label: a.processingGuarantee === 'exactly_once_v2' ? 'produces (transactional)' : 'produces',
      });
    }
  }
  for (const k of topology.connect?.connectors ?? []) {
    const id = nodeId.connector(k.cluster.groupId, k.name);
    add(connectorNode(k));
    for (const t of k.topics) {
      if (k.type === 'sink') edges.push({ from: nodeId.topic(t.topicName), to: id, kind: 'consumes', label: 'consumes' });
      else {
        edges.push({
          from: id,
          to: nodeId.topic(t.topicName),
          kind: 'produces',
          label: k.transactionalIdPrefix === null ? 'produces' : 'produces (transactional)',
        });
      }
    }
    if (k.deadLetter !== null) {
      add(connectDeadLetterNode(k.deadLetter));
      edges.push({ from: id, to: nodeId.topic(k.deadLetter.name), kind: 'dead-letters', label: 'dead letters' });
    }
  }
  const edgesByDomain = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    const from = nodes.get(e.from)?.domain ?? null;
    const to = nodes.get(e.to)?.domain ?? null;
    if (from !== null) appendTo(edgesByDomain, from, e);
    if (to !== null && to !== from) appendTo(edgesByDomain, to, e);
  }
  const nodesByDomain = new Map<string, GraphNode[]>();
  for (const n of nodes.values()) if (n.domain !== null) appendTo(nodesByDomain, n.domain, n);
  const flow = { nodes, edges, edgesByDomain, nodesByDomain };
  flows.set(topology, flow);
  return flow;
}

export function buildGraph(topology: Topology, focus: string | null = null): Graph {
  let cache = graphs.get(topology);
  if (cache === undefined) graphs.set(topology, (cache = new Map<string | null, Graph>()));
  const known = cache.get(focus);
  if (known !== undefined) return known;

  const flow = flowOf(topology);
  // Edges keep their build order (as a filter of the whole list would), so dedupe keeps the same first edge.
  const kept = focus === null ? flow.edges : (flow.edgesByDomain.get(focus) ?? []);
  let keptNodes: GraphNode[];
  if (focus === null) keptNodes = [...flow.nodes.values()];
  else {
    const ids = new Set(kept.flatMap((e) => [e.from, e.to]));
    for (const n of flow.nodesByDomain.get(focus) ?? []) ids.add(n.id);
    keptNodes = [...ids].flatMap((id) => {
      const node = flow.nodes.get(id);
      return node === undefined ? [] : [node];
    });
  }
  const domainNames = new Set(keptNodes.flatMap((n) => (n.domain === null ? [] : [n.domain])));
  const graph: Graph = {
    environment: topology.environment.name,
    focus,
    domains: topology.domains
      .filter((d) => domainNames.has(d.name))
      .map((d) => ({ name: d.name, owner: d.owner }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    nodes: keptNodes.sort((a, b) => compareStrings(a.id, b.id)),
    edges: sortedUnique(kept),
  };
  cache.set(focus, graph);
  return graph;
}

/**
 * How many nodes and edges `buildGraph(topology)` (the whole environment) keeps once the nodes of the `dropped` kinds
 * and every edge touching one of them are left out, counted without building, sorting or copying the graph.
 */
export function flowSize(topology: Topology, dropped: ReadonlySet<NodeKind>): { readonly nodes: number; readonly edges: number } {
  const flow = flowOf(topology);
  let nodes = 0;
  for (const n of flow.nodes.values()) if (!dropped.has(n.kind)) nodes++;
  const isDropped = (id: string): boolean => {
    const node = flow.nodes.get(id);
    return node !== undefined && dropped.has(node.kind);
  };
  // Edges are counted once per source, target and kind, as sortedUnique keeps them.
  const keys = new Set<string>();
  for (const e of flow.edges) if (!isDropped(e.from) && !isDropped(e.to)) keys.add(edgeKey(e));
  return { nodes, edges: keys.size };
}

function eventTopicNode(t: ResolvedEventTopic): GraphNode {
  const replay = t.replay.kind === 'window' ? `replay ${formatMs(toMs(t.replay.window))}` : 'full replay (compacted)';
  return {
    id: nodeId.topic(t.name),
    kind: 'topic',
    label: t.name,
    details: [t.key === null ? 'no key' : `key ${t.key.field}`, `${t.partitions.value} partitions`, replay],
    domain: t.domain,
  };
}

function companionNode(t: ResolvedCompanionTopic): GraphNode {
  const retention = t.retentionMs === null ? [] : [`kept ${formatMs(t.retentionMs.value)}`];
  return {
    id: nodeId.topic(t.name),
    kind: t.kind,
    label: t.name,
    details: t.kind === 'retry' ? [`retry ${t.retry?.tier ?? ''} after ${formatMs(t.retry?.delayMs ?? 0)}`] : ['DLQ', ...retention],
    domain: t.domain,
  };
}

/** A Streams application: its service, guarantee and the internal topics Kafka Streams creates under its id. */
function streamsNode(a: ResolvedStreamsApplication): GraphNode {
  const changelogs = a.stateStores.filter((s) => s.changelogTopic !== null).length;
  const internal = [...(changelogs === 0 ? [] : [`${changelogs} changelog${changelogs === 1 ? '' : 's'}`]), ...(a.repartitions ? ['repartition topics'] : [])];
  return {
    id: nodeId.streams(a.applicationId),
    kind: 'streams',
    label: a.applicationId,
    details: [
      `Kafka Streams · ${a.service}`,
      a.processingGuarantee,
      ...(internal.length === 0 ? [] : [`internal: ${internal.join(', ')} (${a.internalPrefix}*)`]),
    ],
    domain: a.domain,
  };
}

/** A connector, in its Connect cluster's domain: its kind, cluster and task count. */
function connectorNode(k: ResolvedConnector): GraphNode {
  return {
    id: nodeId.connector(k.cluster.groupId, k.name),
    kind: 'connector',
    label: k.name,
    details: [`${k.type} connector on ${k.cluster.groupId}`, ...(k.tasksMax === null ? [] : [`tasks.max ${k.tasksMax}`])],
    domain: k.domain,
  };
}

function connectDeadLetterNode(t: ResolvedConnectTopic): GraphNode {
  const retention = t.retentionMs === null ? [] : [`kept ${formatMs(t.retentionMs.value)}`];
  return { id: nodeId.topic(t.name), kind: 'dead-letter', label: t.name, details: ['DLQ', ...retention], domain: t.domain };
}

/**
 * One edge per source, target and kind (the last one), sorted by those three. Sorted by the key dedupe already made,
 * so each edge's key is built once rather than twice per comparison (the whole environment's graph has ~80,000 edges
 * at 10,000 topics); keys are unique, so the order is the same as sorting the edges by them.
 */
function sortedUnique(edges: readonly GraphEdge[]): GraphEdge[] {
  const seen = new Map<string, GraphEdge>();
  for (const e of edges) seen.set(edgeKey(e), e);
  return [...seen.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, e]) => e);
}

const edgeKey = (e: GraphEdge): string => `${e.from}\u0000${e.to}\u0000${e.kind}`;
