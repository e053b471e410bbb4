/**
 * The flow graphs show Kafka Streams applications and Kafka Connect connectors as they show producers and consumer
 * groups: inputs → application → outputs with its internal topics summarised, source connector → topics, topics → sink
 * connector, its DLQ folded into its box in the documents. Mermaid text is checked structurally and with Mermaid's parser.
 */
import { JSDOM } from 'jsdom';
import type { Mermaid } from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDot } from '../../artifacts/graph/dot';
import { documentGraph, domainFlow, environmentFlow, overview } from '../../artifacts/graph/draw';
import { renderMermaid } from '../../artifacts/graph/mermaid';
import { buildGraph, nodeId } from '../../artifacts/graph/model';
import { domainLinks } from '../../artifacts/graph/overview';
import { everyClientTopology } from './every-client-fixture';

let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
});

const topology = everyClientTopology();
const APP = nodeId.streams('search.order-documents');
const SINK = nodeId.connector('search.indexing', 'document-index');
const SOURCE = nodeId.connector('search.indexing', 'catalog-source');

/** `from kind to` per edge. */
const edgesOf = (graph: ReturnType<typeof buildGraph>): string[] => graph.edges.map((e) => `${e.from} ${e.kind} ${e.to}`);

/** The Mermaid node line of a label, and the edges between labelled nodes, by reading the text back. */
function parseMermaid(text: string): { nodes: Map<string, string>; edges: string[] } {
  const nodes = new Map<string, string>();
  for (const m of text.matchAll(/^\s+(\w+)(\[\[|\[\/|\[\(|\(\[|\[)"([^"]*)"/gm)) nodes.set(m[1] ?? '', `${m[2]}${(m[3] ?? '').split('<br/>')[0]}`);
  const label = (id: string): string => nodes.get(id) ?? id;
  const edges = [...text.matchAll(/^\s+(\w+) (-->|-\.->)\|"([^"]*)"\| (\w+)$/gm)].map((m) => `${label(m[1] ?? '')} ${m[2]} ${m[3]} ${label(m[4] ?? '')}`);
  return { nodes, edges };
}

describe('flow graphs with Kafka Streams applications and Kafka Connect', () => {
  it('draws inputs → Streams application → outputs, with its guarantee and internal topics on its box', () => {
    const graph = buildGraph(topology);
    expect(edgesOf(graph)).toEqual(
      expect.arrayContaining([`${nodeId.topic('orders.order-created')} consumes ${APP}`, `${APP} produces ${nodeId.topic('search.document-changed')}`]),
    );
    const app = graph.nodes.find((n) => n.id === APP);
    expect(app).toMatchObject({ kind: 'streams', label: 'search.order-documents', domain: 'search' });
    expect(app?.details).toEqual([
      'Kafka Streams · order-documents',
      'exactly_once_v2',
      'internal: 1 changelog, repartition topics (search.order-documents-*)',
    ]);
    expect(graph.edges.find((e) => e.from === APP)?.label).toBe('produces (transactional)');
  });

  it('draws source connector → topic, topic → sink connector → its DLQ, in the Connect cluster’s domain', () => {
    const graph = buildGraph(topology);
    expect(edgesOf(graph)).toEqual(
      expect.arrayContaining([
        `${SOURCE} produces ${nodeId.topic('search.document-changed')}`,
        `${nodeId.topic('search.document-changed')} consumes ${SINK}`,
        `${SINK} dead-letters ${nodeId.topic('search.document-index.dlq')}`,
      ]),
    );
    expect(graph.nodes.find((n) => n.id === SINK)).toMatchObject({
      kind: 'connector',
      domain: 'search',
      details: ['sink connector on search.indexing', 'tasks.max 6'],
    });
    expect(graph.nodes.find((n) => n.id === SOURCE)?.details).toEqual(['source connector on search.indexing', 'tasks.max 1']);
    expect(graph.nodes.find((n) => n.id === nodeId.topic('search.document-index.dlq'))).toMatchObject({ kind: 'dead-letter', domain: 'search' });
  });

  it('shows the Streams application in the graph of the domain it reads from, as a cross-domain consumer group is', () => {
    const orders = buildGraph(topology, 'orders');
    expect(orders.nodes.map((n) => n.id)).toContain(APP);
    expect(orders.nodes.map((n) => n.id)).not.toContain(SINK);
    expect(buildGraph(topology, 'search').nodes.map((n) => n.id)).toEqual(expect.arrayContaining([APP, SINK, SOURCE]));
  });

  it("folds the sink connector's DLQ into its box in the documents' graphs", () => {
    const graph = documentGraph(topology, 'search');
    expect(graph.nodes.map((n) => n.id)).not.toContain(nodeId.topic('search.document-index.dlq'));
    expect(graph.nodes.find((n) => n.id === SINK)?.details).toEqual(['sink connector on search.indexing', 'tasks.max 6', 'DLQ kept 28d']);
  });

  it('renders Mermaid with a shape per kind and the edges between them, which Mermaid parses', async () => {
    for (const text of [renderMermaid(buildGraph(topology)), environmentFlow(topology), domainFlow(topology, 'search'), domainFlow(topology, 'orders')]) {
      await expect(mermaid.parse(text)).resolves.toBeTruthy();
    }
    const { nodes, edges } = parseMermaid(renderMermaid(buildGraph(topology)));
    expect([...nodes.values()]).toEqual(
      expect.arrayContaining(['[[search.order-documents', '[/document-index', '[/catalog-source', '[(search.document-index.dlq']),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        '[(orders.order-created --> consumes [[search.order-documents',
        '[[search.order-documents --> produces (transactional) [(search.document-changed',
        '[/catalog-source --> produces [(search.document-changed',
        '[(search.document-changed --> consumes [/document-index',
        '[/document-index -.-> dead letters [(search.document-index.dlq',
      ]),
    );
    expect(renderMermaid(buildGraph(topology))).toMatch(/classDef streams .*\n {2}class \w+ streams\n/);
  });

  it('renders DOT with the Streams application and connectors', () => {
    const dot = renderDot(buildGraph(topology));
    expect(dot).toContain(`"${APP}" [label="search.order-documents\\nKafka Streams · order-documents`);
    expect(dot).toContain('shape=component');
    expect(dot).toContain(`"${nodeId.topic('search.document-changed')}" -> "${SINK}" [label="consumes"];`);
    expect(dot).toContain(`"${SINK}" -> "${nodeId.topic('search.document-index.dlq')}" [label="dead letters", style=dashed];`);
  });

  it("links domains in the overview by their Streams applications' and sink connectors' reads", async () => {
    expect(domainLinks(everyClientTopology(undefined, { connectors: [] }))).toEqual([{ from: 'orders', to: 'search', topics: 1 }]);
    const withoutGroup = { ...topology, consumerGroups: topology.consumerGroups.filter((g) => g.domain === 'orders') };
    expect(domainLinks(withoutGroup)).toEqual([{ from: 'orders', to: 'search', topics: 1 }]);
    await expect(mermaid.parse(overview(topology))).resolves.toBeTruthy();
  });
});
