import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { cell } from '../../artifacts/markdown';
import { runbookAnchor } from '../../artifacts/paths';
import { formatMs, toMs } from '../../model/duration';
import type { ResolvedAcl, ResolvedEventTopic, Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];
const files = generateArtifacts(topologies);

function page(path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`no artifact ${path}`);
  return content;
}

const domainCases = topologies.flatMap((t) => t.domains.map((d) => [`${t.environment.name}/${d.name}`, t, d.name] as const));

const aclKey = (a: ResolvedAcl): string => [a.principal, a.operation, a.resourceType, a.resourceName, a.patternType, a.permission, a.host].join(' ');

/** The ACLs a domain page lists (one per operation of each row of each principal's table), with the reason given. */
function aclsOnPage(text: string): Map<string, string> {
  const listed = new Map<string, string>();
  const section = text.slice(text.indexOf('\n## ACLs\n'));
  let principal = '';
  for (const line of section.split('\n')) {
    const heading = /^### ACLs of `(.+)`$/.exec(line);
    if (heading !== null) principal = heading[1] ?? '';
    const row = /^\| ([A-Za-z, ]+) \| (\w+) `([^`]+)`(?: \((.+)\))? \| (.*) \|$/.exec(line);
    if (row === null || row[1] === 'Operations') continue;
    const qualifiers = (row[4] ?? '').split(', ');
    const pattern = qualifiers.find((q) => q === 'Prefixed' || q === 'Match') ?? 'Literal';
    const permission = qualifiers.includes('Deny') ? 'Deny' : 'Allow';
    const host = /^host `(.+)`$/.exec(qualifiers.find((q) => q.startsWith('host ')) ?? '')?.[1] ?? '*';
    for (const operation of (row[1] ?? '').split(', ')) {
      const key = [principal, operation, row[2], row[3], pattern, permission, host].join(' ');
      expect(listed.has(key), `${key} listed twice`).toBe(false);
      listed.set(key, row[5] ?? '');
    }
  }
  return listed;
}

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
    // Every ACL of the domain's stack, with its reasons, is in its principal's table, and nothing else is.
    const acls = topology.acls.filter((a) => a.domain === domain);
    const listed = aclsOnPage(text);
    expect([...listed.keys()].sort()).toEqual(acls.map(aclKey).sort());
    for (const acl of acls) {
      expect(listed.get(aclKey(acl))).toBe(cell(acl.neededBy.length > 0 ? acl.neededBy.join('; ') : `kept legacy ACL: ${acl.legacy?.reason ?? ''}`));
    }
  });

  it('lists a kept legacy ACL with its reason, and marks a host or permission other than Allow, host *', () => {
    const base = exampleTopologies().find((t) => t.environment.name === 'prod');
    if (base === undefined) throw new Error('no prod example');
    const legacy: ResolvedAcl = {
      principal: 'User:legacy-reporter',
      host: '10.0.0.7',
      operation: 'Read',
      permission: 'Deny',
      resourceType: 'Topic',
      resourceName: 'orders.order-created',
      patternType: 'Literal',
      id: 'User:legacy-reporter|10.0.0.7|Read|Deny|Topic|orders.order-created|Literal',
      domain: 'orders',
      neededBy: [],
      legacy: { reason: 'the reporting job predates the declarations', source: { path: 'orders' } },
    };
    const text = generateArtifacts([{ ...base, acls: [...base.acls, legacy] }]).get('docs/prod/domains/orders.md') ?? '';
    expect(aclsOnPage(text).get(aclKey(legacy))).toBe('kept legacy ACL: the reporting job predates the declarations');
    expect(text).toContain('| Read | Topic `orders.order-created` (Deny, host `10.0.0.7`) |');
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
