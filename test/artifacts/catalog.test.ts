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
    expect(text).toContain(
      `| Replay | full replay (compacted by \`${topic.key?.field ?? ''}\`): longest reindex ${formatMs(toMs(topic.replay.longestReindex))}, tombstones kept ${formatMs(Number(topic.config['delete.retention.ms']))} |`,
    );
    // What a full replay means is said once, above the topics.
    expect(text.split('**Full replay**: a compacted topic keeps the latest event of every key').length - 1).toBe(1);
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
        // A service's folder of client files is linked with a trailing slash: it exists when it holds a file.
        const exists = resolved.endsWith('/') ? [...files.keys()].some((f) => f.startsWith(resolved)) : files.has(resolved);
        expect(exists, `${env}/index.md links to ${resolved}`).toBe(true);
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

/** A domain page's table rows as cells, for the rows whose first cell is `first`. */
const rowsOf = (text: string, first: string): string[][] =>
  text
    .split('\n')
    .filter((l) => l.startsWith(`| ${first} |`))
    .map((l) => l.slice(2, -2).split(' | '));

describe('the catalog says once what every row repeated, and keeps each row its facts', () => {
  it.each(domainCases)('%s: the dead-letter and retry table gives derived shapes as numbers and says once how they are derived', (_, topology, domain) => {
    const text = page(`docs/${topology.environment.name}/domains/${domain}.md`);
    const companions = topology.topics.filter((t) => t.kind !== 'event' && t.domain === domain);
    const eventTopic = (name: string): ResolvedEventTopic | undefined =>
      topology.topics.find((t): t is ResolvedEventTopic => t.kind === 'event' && t.name === name);
    for (const t of companions) {
      if (t.kind === 'event') continue;
      const [row] = rowsOf(text, `\`${t.name}\``);
      if (row === undefined) throw new Error(`no row of ${t.name}`);
      const parent = eventTopic(row[3]?.replace(/`/g, '') ?? '');
      if (parent === undefined) throw new Error(`no topic served by ${t.name}`);
      // DESIGN.md: a dead-letter topic gets 3 partitions, or the main count if smaller, and 28 days; a retry tier as
      // many partitions as its topic (its readers are the same instances).
      expect(row[4]).toBe(String(t.kind === 'dead-letter' ? Math.min(3, parent.partitions.value) : parent.partitions.value));
      if (t.kind === 'dead-letter') expect(row[5]).toBe('28d');
      else expect(row[5]).toBe(`${formatMs(t.retentionMs?.value ?? 0)}: ${t.retentionMs?.explanation ?? ''}`);
    }
    const deadLetters = companions.some((t) => t.kind === 'dead-letter');
    expect(count(text, 'a dead-letter topic has 3 partitions (dead letters are rare), or fewer when the topic it serves has fewer, and keeps them 28d')).toBe(
      deadLetters ? 1 : 0,
    );
    expect(count(text, 'dead letters are rare')).toBe(deadLetters ? 1 : 0);
    expect(count(text, 'a retry tier has as many partitions as the topic it serves')).toBe(companions.some((t) => t.kind === 'retry') ? 1 : 0);
  });

  it('keeps the explanation of a dead-letter shape that was declared rather than derived, on its row', () => {
    const prod = topologies.find((t) => t.environment.name === 'prod') as Topology;
    const dlq = prod.topics.find((t) => t.kind === 'dead-letter');
    if (dlq === undefined) throw new Error('no dead-letter topic in prod');
    const declared = { ...dlq, partitions: { value: 2, explanation: 'declared' }, retentionMs: { value: 14 * 86_400_000, explanation: 'declared' } };
    const text = generateArtifacts([{ ...prod, topics: prod.topics.map((t) => (t === dlq ? declared : t)) }]).get(`docs/prod/domains/${dlq.domain}.md`) ?? '';
    expect(rowsOf(text, `\`${dlq.name}\``)[0]?.slice(4)).toEqual(['2: declared', '14d: declared']);
  });

  it.each(domainCases)("%s: a topic's Replay, Ordering and Byte cap rows give its own facts, and what their words mean once", (_, topology, domain) => {
    const text = page(`docs/${topology.environment.name}/domains/${domain}.md`);
    const topics = topology.topics.filter((t): t is ResolvedEventTopic => t.kind === 'event' && t.domain === domain);
    const replayRows = rowsOf(text, 'Replay').map((r) => r[1]);
    expect(replayRows).toEqual(
      topics.map((t) =>
        t.replay.kind === 'window'
          ? `window ${formatMs(toMs(t.replay.window))}`
          : `full replay (compacted by \`${t.key?.field ?? ''}\`): longest reindex ${formatMs(toMs(t.replay.longestReindex))}, tombstones kept ${formatMs(Number(t.config['delete.retention.ms']))}`,
      ),
    );
    // The retention the window is served by stays in its own row.
    for (const t of topics) if (t.retentionMs !== null) expect(text).toContain(`| Retention | ${formatMs(t.retentionMs.value)} (`);
    expect(count(text, '**Replay window**: consumers can reset offsets up to that far back')).toBe(topics.some((t) => t.replay.kind === 'window') ? 1 : 0);
    expect(count(text, '**Full replay**: a compacted topic')).toBe(topics.some((t) => t.replay.kind === 'full') ? 1 : 0);
    // Ordering and the byte cap in a word per topic, what the word means once.
    expect(rowsOf(text, 'Ordering').map((r) => r[1])).toEqual(topics.map((t) => (t.ordering === 'per-key' ? 'per key' : 'none')));
    expect(rowsOf(text, 'Byte cap').map((r) => r[1])).toEqual(
      topics.map((t) => (t.retentionBytes === null ? 'none' : `retention.bytes ${t.retentionBytes} per partition, an explicit capacity guard`)),
    );
    expect(count(text, 'consumers need the events of one key in order')).toBe(topics.some((t) => t.ordering === 'per-key') ? 1 : 0);
    expect(count(text, 'retention.bytes is never derived')).toBe(topics.some((t) => t.retentionBytes === null) ? 1 : 0);
  });

  it.each(domainCases)("%s: a group's Client config row links its properties; its service's shared files are linked once", (_, topology, domain) => {
    const env = topology.environment.name;
    const text = page(`docs/${env}/domains/${domain}.md`);
    const groups = topology.consumerGroups.filter((g) => g.domain === domain);
    // A Kafka Streams application's section has a Client config row too (its streams properties).
    const configRows = rowsOf(text, 'Client config')
      .map((r) => r[1])
      .filter((c) => c?.includes('/consumer.'));
    expect(configRows.length).toBe(groups.length);
    for (const g of groups) {
      const properties = [...files.keys()].find((f) => f.startsWith(`clients/${env}/`) && f.endsWith(`/consumer.${g.groupId}.properties`));
      if (properties === undefined) throw new Error(`no properties of ${g.groupId}`);
      expect(configRows).toContain(`[properties](../../../${properties})`);
      const folder = properties.slice(0, properties.lastIndexOf('/'));
      expect(count(text, `(../../../${folder}/client.json)`), folder).toBe(1);
      expect(count(text, `(../../../${folder}/kafkajs.ts)`), folder).toBe(1);
    }
  });

  it.each(topologies.map((t) => [t.environment.name, t] as const))(
    "%s: the index links each service's folder of client files once, and the producer profiles",
    (env, topology) => {
      const index = page(`docs/${env}/index.md`);
      const folders = new Set([...files.keys()].filter((f) => f.startsWith(`clients/${env}/`)).map((f) => f.split('/')[2] ?? ''));
      const consumers = new Set(topology.consumerGroups.map((g) => g.service));
      for (const folder of folders) {
        // Streams and Connect folders are listed with their applications and clusters, not in the client table.
        if (![...files.keys()].some((f) => f.startsWith(`clients/${env}/${folder}/`) && f.endsWith('/client.json'))) continue;
        expect(count(index, `[${folder}/](../../clients/${env}/${folder}/)`), folder).toBe(1);
      }
      expect(consumers.size).toBeGreaterThan(0);
      expect(index).not.toMatch(/\]\([^)]*consumer\.[^)]*\.properties\)/);
      for (const f of files.keys()) if (f.startsWith(`clients/${env}/`) && /\/producer[^/]*\.properties$/.test(f)) expect(index).toContain(`(../../${f})`);
    },
  );
});

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}
