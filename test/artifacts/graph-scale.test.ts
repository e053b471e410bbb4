/**
 * Graphs that scale: every diagram the documents carry renders with Mermaid's default settings (what GitHub uses), for
 * the examples and for a generated environment of 200 event topics, and the companions of each group are folded into
 * its node.
 *
 * "Renders" is checked as far as Node can: Mermaid's own parser (under a JSDOM, as in graph.test.ts) parses the text
 * with its default configuration, which enforces `maxEdges`; `maxTextSize` is checked by Mermaid only when drawing in
 * a browser, so the text length is asserted against the same default here.
 */
import { JSDOM } from 'jsdom';
import type { Mermaid } from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { documentGraph, domainFlow, environmentFlow } from '../../artifacts/graph/draw';
import { foldCompanions, foldedSize } from '../../artifacts/graph/fold';
import { renderMermaid } from '../../artifacts/graph/mermaid';
import { mermaidIds } from '../../artifacts/graph/mermaid-ids';
import { buildGraph } from '../../artifacts/graph/model';
import { domainLinks } from '../../artifacts/graph/overview';
import { GRAPH_MAX_NODES, MERMAID_MAX_EDGES, MERMAID_MAX_TEXT_SIZE } from '../../artifacts/limits';
import type { Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies, exampleTopology, generatedTopology } from './fixtures';

let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default;
  // Stock settings: nothing but the switch that keeps Mermaid from scanning the (fake) page.
  mermaid.initialize({ startOnLoad: false });
}, 60_000);

/** Every Mermaid diagram of the artifacts: the .mmd files and the ```mermaid blocks of the Markdown pages. */
function diagrams(topologies: readonly Topology[]): Array<[string, string]> {
  return [...generateArtifacts(topologies).entries()].flatMap(([path, content]): Array<[string, string]> =>
    path.endsWith('.mmd') ? [[path, content]] : [...content.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m, i) => [`${path} #${i + 1}`, m[1] ?? '']),
  );
}

const edgeCount = (text: string): number => text.split('\n').filter((l) => /\s-\.?->\|/.test(l)).length;

async function expectRenders(path: string, text: string): Promise<void> {
  expect(text.length, `${path}: ${text.length} characters`).toBeLessThanOrEqual(MERMAID_MAX_TEXT_SIZE);
  expect(edgeCount(text), path).toBeLessThanOrEqual(MERMAID_MAX_EDGES);
  await expect(mermaid.parse(text), path).resolves.toBeTruthy();
}

describe('the generated environment of 200 event topics', () => {
  const big = generatedTopology(200, 10);

  it("was beyond Mermaid's limits drawn whole the old way (the check can fail)", () => {
    const whole = buildGraph(big);
    expect(big.topics.filter((t) => t.kind === 'event')).toHaveLength(200);
    expect(renderMermaid(whole).length).toBeGreaterThan(MERMAID_MAX_TEXT_SIZE);
    expect(whole.edges.length).toBeGreaterThan(MERMAID_MAX_EDGES);
  });

  it('renders every diagram synth writes with stock Mermaid settings', async () => {
    const found = diagrams([big]);
    // The environment graph, its index page's overview, and each domain's .mmd and page.
    expect(found.length).toBe(2 + 2 * big.domains.length);
    for (const [path, text] of found) await expectRenders(path, text);
  }, 120_000);

  it('draws the environment as the domain overview, saying why, with every domain and every cross-domain read', () => {
    const text = environmentFlow(big);
    // Folded, the graph has 200 event topics, 400 groups (two per topic) and 30 producing services (three writers per
    // domain); 200 produces edges and 400 consumes edges (the retry and dead-letter edges fold away).
    expect(text).toContain('%% 630 boxes and 600 edges are more than one readable graph holds (100 boxes)');
    for (const d of big.domains) expect(text).toContain(`"${d.name}<br/>${d.owner}<br/>20 topics · 40 groups"`);
    const links = domainLinks(big);
    expect(links).toHaveLength(10);
    expect(text.split('\n').filter((l) => l.includes('-->|"20 topics"|'))).toHaveLength(links.length);
  });

  it("keeps every one of a domain's event topics and groups in the domain's graph", () => {
    for (const d of big.domains) {
      const text = domainFlow(big, d.name);
      for (const t of big.topics.filter((x) => x.domain === d.name && x.kind === 'event')) expect(text).toContain(`"${t.name}`);
      for (const g of big.consumerGroups.filter((x) => x.domain === d.name)) expect(text).toContain(`"${g.groupId}`);
    }
  });

  it("says so in one box when even a single domain is beyond Mermaid's limits", async () => {
    const huge = generatedTopology(300, 1);
    const text = domainFlow(huge, 'domain-00');
    expect(text).toMatch(/300 topics and 600 groups, \d+ edges, too many for one Mermaid graph/);
    await expectRenders('domain-00', text);
  });
});

describe('the examples', () => {
  it('render every diagram with stock Mermaid settings', async () => {
    for (const [path, text] of diagrams([...exampleTopologies(), edgeCaseTopology()])) await expectRenders(path, text);
  });

  it('draw each environment whole, each group with its retry tiers and dead-letter topic folded in', () => {
    const prod = exampleTopology('prod');
    const text = environmentFlow(prod);
    expect(documentGraph(prod).nodes.length).toBeLessThanOrEqual(GRAPH_MAX_NODES);
    expect(text).not.toMatch(/\.dlq|\.retry-\d|-\.->/);
    expect(text).toContain('"orders.payment<br/>payment-service<br/>retries after 1s · 2s · 4s<br/>DLQ kept 28d"');
    for (const t of prod.topics.filter((x) => x.kind === 'event')) expect(text).toContain(`"${t.name}<br/>`);
  });

  it('spend a small share of the text on ids (it was ~60 %)', () => {
    for (const topology of exampleTopologies()) {
      const graph = documentGraph(topology);
      const text = renderMermaid(graph);
      const ids = [...mermaidIds([...graph.nodes.map((n) => n.id), ...graph.domains.map((d) => `domain:${d.name}`)]).values()];
      const idChars = ids.reduce((sum, id) => sum + id.length * (text.split(id).length - 1), 0);
      expect(idChars / text.length).toBeLessThan(0.2);
    }
  });
});

describe('folding companions', () => {
  it('removes every retry and dead-letter node and edge, and names them on the group instead', () => {
    const topology = edgeCaseTopology();
    const folded = foldCompanions(buildGraph(topology), topology);
    expect(folded.nodes.filter((n) => n.kind === 'retry' || n.kind === 'dead-letter')).toEqual([]);
    expect(folded.edges.filter((e) => e.kind === 'retries' || e.kind === 'dead-letters')).toEqual([]);
    const invoicer = folded.nodes.find((n) => n.label === 'edge.billing.invoicer' || n.label === 'billing.invoicer');
    expect(invoicer?.details).toEqual(['billing-service', 'retries after 30s', 'DLQ kept 28d']);
    const audit = folded.nodes.find((n) => n.label.endsWith('billing.audit'));
    expect(audit?.details).toEqual(['billing-service']);
  });

  it('counts the folded graph without building it: the same numbers of boxes and edges as the graph', () => {
    const edgeCase = edgeCaseTopology();
    const [producer] = edgeCase.producers;
    if (producer === undefined) throw new Error('the edge-case topology has a producer');
    // One service producing to one topic as two principals: two producers, one edge.
    const twoPrincipals: Topology = { ...edgeCase, producers: [...edgeCase.producers, { ...producer, principal: `${producer.principal}-2` }] };
    for (const topology of [edgeCase, twoPrincipals, ...exampleTopologies(), generatedTopology(40, 4)]) {
      const graph = documentGraph(topology);
      expect(foldedSize(topology), topology.environment.name).toEqual({ nodes: graph.nodes.length, edges: graph.edges.length });
    }
  });

  it('links a domain to the domains that read its topics, counting the topics', () => {
    expect(domainLinks(edgeCaseTopology())).toEqual([{ from: 'orders', to: 'billing', topics: 2 }]);
  });
});
