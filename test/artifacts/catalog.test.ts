import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { cell } from '../../artifacts/markdown';
import { runbookAnchor } from '../../artifacts/paths';
import { formatMs, toMs } from '../../model/duration';
import type { ResolvedEventTopic, Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];
const files = generateArtifacts(topologies);

function page(path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no artifact ${path}`);
  return content;
}

const domainCases = topologies.flatMap((t) => t.domains.map((d) => [`${t.environment.name}/${d.name}`, t, d.name] as const));

describe('the catalog', () => {
  it.each(domainCases)('states everything declared and derived about domain %s', (_, topology, domain) => {
    const env = topology.environment.name;
    const text = page(`docs/${env}/domains/${domain}.md`);
    const declared = topology.domains.find((d) => d.name === domain);
    expect(text).toContain(declared?.owner);
    for (const topic of topology.topics.filter((t): t is ResolvedEventTopic => t.kind === 'event' && t.domain === domain)) {
      expect(text).toContain(`\`${topic.name}\``);
      if (topic.key !== null) {
        expect(text).toContain(`\`${topic.key.field}\``.replace(/\|/g, '\\|'));
        expect(text).toContain(cell(topic.key.reason));
      }
      expect(text).toContain(`${topic.partitions.value}: ${cell(topic.partitions.explanation)}`);
      if (topic.retentionMs !== null) expect(text).toContain(cell(topic.retentionMs.explanation));
      expect(text).toContain(
        topic.replay.kind === 'window'
          ? `replay window ${formatMs(toMs(topic.replay.window))}`
          : `longest reindex ${formatMs(toMs(topic.replay.longestReindex))}`,
      );
    }
    for (const group of topology.consumerGroups.filter((g) => g.domain === domain)) {
      expect(text).toContain(`### \`${group.groupId}\``);
      if (group.idempotency !== null) expect(text).toContain(cell(group.idempotency));
      if (group.maxProcessingLagMs !== null) expect(text).toContain(`| Lag tolerance | ${formatMs(group.maxProcessingLagMs)} |`);
      for (const s of group.subscriptions) if (s.deadLetterTopic !== null) expect(text).toContain(`\`${s.deadLetterTopic}\``);
      expect(text).toContain(`../runbooks/${group.domain}.md#${runbookAnchor(group.groupId)}`);
    }
    const acls = topology.acls.filter((a) => a.domain === domain);
    const aclRows = text.split('\n').filter((l) => /^\| `[A-Za-z]+:/.test(l));
    expect(aclRows).toHaveLength(acls.length);
    for (const acl of acls) {
      expect(text).toContain(`| \`${acl.principal}\` | ${acl.operation} | ${acl.resourceType} \`${acl.resourceName}\` | ${acl.patternType} |`);
    }
  });

  it('says that a compacted topic serves a full replay and keeps tombstones longer than the longest reindex', () => {
    const text = page('docs/prod/domains/search.md');
    const topic = exampleTopologies()
      .find((t) => t.environment.name === 'prod')
      ?.topics.find((t): t is ResolvedEventTopic => t.kind === 'event' && t.name === 'search.document-changed');
    if (topic === undefined || topic.replay.kind !== 'full') throw new Error('search.document-changed is a full-replay topic');
    expect(text).toContain('full replay');
    expect(text).toContain(`tombstones are kept ${formatMs(Number(topic.config['delete.retention.ms']))}`);
  });

  it('indexes every domain, event topic, consumer group and client of an environment with working links', () => {
    for (const topology of topologies) {
      const env = topology.environment.name;
      const index = page(`docs/${env}/index.md`);
      for (const d of topology.domains) expect(index).toContain(`[${d.name}](domains/${d.name}.md)`);
      for (const t of topology.topics) if (t.kind === 'event') expect(index).toContain(`\`${t.name}\``);
      for (const g of topology.consumerGroups) expect(index).toContain(`(runbooks/${g.domain}.md#${runbookAnchor(g.groupId)})`);
      for (const [, target] of index.matchAll(/\]\(([^)]+)\)/g)) {
        const resolved = new URL(target ?? '', `file:///docs/${env}/`).pathname.slice(1); // the fragment is not part of the path
        expect(files.has(resolved), `${env}/index.md links to ${resolved}`).toBe(true);
      }
    }
  });

  it('escapes table-breaking text from declarations', () => {
    const text = page('docs/edge/domains/orders.md');
    expect(text).toContain('per-order ordering \\| orders are independent');
    // Outside code spans, angle brackets from declarations are entities, never HTML.
    expect(text.replace(/`[^`\n]*`/g, '')).not.toMatch(/<x>/);
    expect(text).toContain('`order"Id\\|<x>`');
  });
});
