/**
 * The flow graph: its content follows the declarations, every Mermaid output (each domain and the whole app, for the
 * examples and the edge cases) parses with Mermaid's own parser, and the DOT output is well-formed.
 *
 * Mermaid 11 is ESM-only and needs a DOM: a dynamic `import('mermaid')` works under vitest once `window` and `document`
 * come from a JSDOM; `mermaid.parse(text)` resolves for a valid diagram and rejects with the parser's error otherwise.
 */
import { JSDOM } from 'jsdom';
import type { Mermaid } from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { renderDot } from '../../artifacts/graph/dot';
import { renderMermaid } from '../../artifacts/graph/mermaid';
import { mermaidIds, shortId } from '../../artifacts/graph/mermaid-ids';
import { buildGraph, nodeId, type Graph } from '../../artifacts/graph/model';
import type { Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
});

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];

/** Every graph: each environment whole, and each of its domains. */
function allGraphs(): Array<[string, Graph]> {
  return topologies.flatMap((t) => [
    [`${t.environment.name} (all domains)`, buildGraph(t)] as [string, Graph],
    ...t.domains.map((d): [string, Graph] => [`${t.environment.name} / ${d.name}`, buildGraph(t, d.name)]),
  ]);
}

describe('the flow graph model', () => {
  it.each(topologies.map((t) => [t.environment.name, t] as const))(
    'has an edge for every producer, subscription, retry tier, DLQ, Streams application and connector (%s)',
    (_, topology) => {
      const edges = new Set(buildGraph(topology).edges.map((e) => `${e.from} ${e.kind} ${e.to}`));
      const expected = [
        ...topology.producers.map((p) => `${nodeId.service(p.service)} produces ${nodeId.topic(p.topicName)}`),
        ...topology.consumerGroups.flatMap((g) =>
          g.subscriptions.flatMap((s) => [
            `${nodeId.topic(s.topicName)} consumes ${nodeId.group(g.groupId)}`,
            ...s.retryTopics.map((r) => `${nodeId.group(g.groupId)} retries ${nodeId.topic(r)}`),
            ...(s.deadLetterTopic === null ? [] : [`${nodeId.group(g.groupId)} dead-letters ${nodeId.topic(s.deadLetterTopic)}`]),
          ]),
        ),
        ...(topology.streamsApplications ?? []).flatMap((a) => [
          ...a.inputs.map((i) => `${nodeId.topic(i.topicName)} consumes ${nodeId.streams(a.applicationId)}`),
          ...a.outputs.map((o) => `${nodeId.streams(a.applicationId)} produces ${nodeId.topic(o.topicName)}`),
        ]),
        ...(topology.connect?.connectors ?? []).flatMap((k) => {
          const id = nodeId.connector(k.cluster.groupId, k.name);
          return [
            ...k.topics.map((t) => (k.type === 'sink' ? `${nodeId.topic(t.topicName)} consumes ${id}` : `${id} produces ${nodeId.topic(t.topicName)}`)),
            ...(k.deadLetter === null ? [] : [`${id} dead-letters ${nodeId.topic(k.deadLetter.name)}`]),
          ];
        }),
      ];
      expect([...edges].sort()).toEqual([...new Set(expected)].sort());
    },
  );

  it("keeps a domain's graph to the edges that touch the domain, drawing the other ends in their own domain", () => {
    const topology = edgeCaseTopology();
    const billing = buildGraph(topology, 'billing');
    for (const edge of billing.edges) {
      const domains = [edge.from, edge.to].map((id) => billing.nodes.find((n) => n.id === id)?.domain);
      expect(domains).toContain('billing');
    }
    expect(billing.domains.map((d) => d.name)).toEqual(['billing', 'orders']);
    expect(billing.nodes.some((n) => n.kind === 'service')).toBe(false);
  });

  it('derives short Mermaid ids injectively from names, whatever the order they come in', () => {
    // The last pair hashes to the same 32-bit value (found by search): the set still gets two ids.
    const names = [
      'topic:a-b',
      'topic:a_b',
      'topic:a.b',
      'topic:a_2db',
      'group:a-b',
      'service:a-b',
      'domain:a-b',
      'topic:1tppuykrxms1x',
      'topic:1odwbzmxmh9mr',
    ];
    expect(shortId('topic:1tppuykrxms1x')).toBe(shortId('topic:1odwbzmxmh9mr'));
    const ids = mermaidIds(names);
    expect(new Set(ids.values()).size).toBe(names.length);
    for (const id of ids.values()) expect(id).toMatch(/^[a-z][a-z0-9]{1,7}(?:_\d+)?$/);
    expect(mermaidIds([...names].reverse())).toEqual(ids);
    // Derived from the name alone: another node in the set does not move an id that does not collide.
    expect(mermaidIds(['topic:a-b']).get('topic:a-b')).toBe(ids.get('topic:a-b'));
  });
});

describe('Mermaid output', () => {
  it.each(allGraphs())('parses with Mermaid: %s', async (_, graph) => {
    const text = renderMermaid(graph);
    await expect(mermaid.parse(text)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    const ids = mermaidIds(graph.nodes.map((n) => n.id));
    for (const node of graph.nodes) expect(text).toContain(`${ids.get(node.id) ?? '?'}`);
  });

  it('parses every .mmd file and Mermaid block that synth writes', async () => {
    const files = generateArtifacts(topologies);
    const diagrams = [...files.entries()].flatMap(([path, content]) =>
      path.endsWith('.mmd') ? [[path, content]] : [...content.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => [path, m[1] ?? '']),
    );
    expect(diagrams.length).toBeGreaterThan(topologies.length);
    for (const [path, text] of diagrams) {
      await expect(mermaid.parse(text ?? ''), path).resolves.toBeTruthy();
    }
  });

  it('is rejected by the parser when broken (the check is real)', async () => {
    const text = renderMermaid(buildGraph(edgeCaseTopology())).replace('-->|"consumes"|', '-->|"consumes"');
    await expect(mermaid.parse(text)).rejects.toThrow();
  });
});

describe('DOT output', () => {
  it.each(allGraphs())('is well-formed: %s', (_, graph) => {
    const dot = renderDot(graph);
    const body = dot.replace(/^\/\/.*$/gm, '');
    // Outside quoted strings, braces balance; every id and label is a quoted string.
    const unquoted = body.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(unquoted.split('{').length).toBe(unquoted.split('}').length);
    expect(unquoted).toMatch(/^\s*digraph "" \{/);
    expect(unquoted.trimEnd().endsWith('}')).toBe(true);
    expect(unquoted, 'node ids appear only as quoted strings').not.toMatch(/\b(?:topic|group|service):/);
    for (const edge of graph.edges) {
      const from = JSON.stringify(edge.from);
      const to = JSON.stringify(edge.to);
      expect(dot).toContain(`${from} -> ${to} [label=`);
    }
    for (const node of graph.nodes) expect(dot).toContain(`${JSON.stringify(node.id)} [label=`);
    // Every statement line ends with ';', '{' or '}'.
    for (const line of body
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')) {
      expect(line).toMatch(/[;{}]$/);
    }
  });

  it('escapes quotes and backslashes in labels', () => {
    const dot = renderDot(buildGraph(edgeCaseTopology()));
    expect(dot).toContain('key order\\"Id|<x>');
  });
});
