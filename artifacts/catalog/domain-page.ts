/**
 * One catalog page per domain: owner, every topic with its key and why, partitions and why, retention and the replay
 * window it serves, consumer groups with their idempotency strategy and lag tolerance, Kafka Streams applications and
 * Kafka Connect clusters and connectors (./other-clients.ts), dead-letter and retry topics, and the ACLs the domain's stack holds. Everything is read from the Topology; nothing is stated that is not declared
 * or derived.
 */
import type { ResolvedAcl, ResolvedCompanionTopic, ResolvedConsumerGroup, ResolvedDomain, ResolvedEventTopic, Topology } from '../../model/topology';
import type { ServiceClients } from '../client-config';
import { compareStrings, formatCount, formatMs } from '../format';
import { domainFlow } from '../graph/draw';
import { cell, code, codeCell, document, GENERATED_MARKDOWN, link, table } from '../markdown';
import { lookup } from '../lookup';
import { linkFrom, paths, runbookLink } from '../paths';
import { DEAD_LETTER_PARTITIONS } from '../../model/limits';
import { deadLetterPartitions, retryPartitionsOfParent } from '../../model/resolve/messages';
import { deadLetterRetention } from '../../model/sizing/retention';
import { durationText, REPLAY_EXPLAINED, replayFacts, retentionText } from './facts';
import { connectSections, streamsSections, topicClientRows } from './other-clients';

/**
 * @param flow the domain's Mermaid flowchart, when the caller has rendered it already (it is also written on its own as
 *   `graphs/<domain>.mmd`); rendered here otherwise
 */
export function renderDomainPage(topology: Topology, domain: ResolvedDomain, clients: readonly ServiceClients[], flow?: string): string {
  const env = topology.environment;
  const here = paths.domainPage(env.name, domain.name);
  const owned = lookup(topology).ofDomain(domain.name);
  const topics = owned.topics.filter((t): t is ResolvedEventTopic => t.kind === 'event');
  const companions = owned.topics.filter((t): t is ResolvedCompanionTopic => t.kind !== 'event');
  const groups = owned.consumerGroups;
  const acls = owned.acls;
  const others = lookup(topology).otherClientsOf(domain.name);

  const lines: string[] = [
    GENERATED_MARKDOWN,
    `# Domain ${domain.name}`,
    '',
    cell(domain.description),
    '',
    ...table(
      ['', ''],
      [
        ['Owner', cell(domain.owner)],
        [
          'Environment',
          `${env.name}${env.production ? ' (production)' : ''}: replication factor ${env.replicationFactor}, min.insync.replicas ${env.minInsyncReplicas}`,
        ],
        ['Declared in', `${codeCell(declaredIn(domain))}, as is each topic and group below that names no file of its own`],
        ['Recovery procedure', domain.recoveryProcedure === undefined ? 'not declared' : cell(domain.recoveryProcedure)],
        ['Event topics', topics.length === 0 ? 'none' : topics.map((t) => codeCell(t.name)).join(', ')],
        ['Consumer groups', groups.length === 0 ? 'none' : groups.map((g) => codeCell(g.groupId)).join(', ')],
        ...(others.apps.length === 0 ? [] : [['Kafka Streams applications', others.apps.map((a) => codeCell(a.applicationId)).join(', ')]]),
        ...(others.clusters.length === 0 && others.connectors.length === 0
          ? []
          : [
              [
                'Kafka Connect',
                [
                  ...others.clusters.map((c) => `cluster ${codeCell(c.groupId)}`),
                  ...others.connectors.map((k) => `${k.type} connector ${codeCell(k.name)}`),
                ].join(', '),
              ],
            ]),
      ],
    ),
    '',
    '## Flow',
    '',
    `Producers → topics → consumer groups, each group's retry and dead-letter topics in its box${others.apps.length === 0 && others.connectors.length === 0 ? '' : '; Kafka Streams applications between their input and output topics, connectors beside the topics they read or write'} (also in ${link(`graphs/${domain.name}.mmd`, linkFrom(here, paths.domainGraph(env.name, domain.name)))}).`,
    '',
    '```mermaid',
    (flow ?? domainFlow(topology, domain.name)).trimEnd(),
    '```',
    '',
    '## Event topics',
    '',
  ];
  if (topics.length === 0) lines.push('This domain declares no event topics.', '');
  else lines.push(...topicRowsExplained(topics));
  for (const topic of topics) lines.push(...topicSection(topology, topic, here, declaredIn(domain)));

  lines.push('## Consumer groups', '');
  if (groups.length === 0) lines.push('This domain owns no consumer groups.', '');
  for (const group of groups) lines.push(...groupSection(topology, group, here, clients, declaredIn(domain)));
  lines.push(...serviceFiles(topology, groups, clients, here));
  lines.push(...streamsSections(topology, others.apps, here), ...connectSections(topology, others.clusters, others.connectors, here));

  lines.push('## Dead-letter and retry topics', '');
  if (companions.length === 0) {
    lines.push('None: no consumer group of this domain has dead-letter or retry topics.', '');
  } else {
    lines.push(
      ...companionsExplained(companions),
      ...table(
        ['Topic', 'Kind', 'Group', 'Serves', 'Partitions', 'Retention'],
        companions.map((t) => [
          codeCell(t.name),
          t.kind === 'dead-letter' ? 'dead letters' : `retry tier ${t.retry?.tier ?? ''} (after ${formatMs(t.retry?.delayMs ?? 0)})`,
          codeCell(t.groupId),
          codeCell(topicNameOf(topology, t)),
          companionPartitions(topology, t),
          t.retentionMs === null
            ? ''
            : isDefaultDeadLetterRetention(t)
              ? formatMs(t.retentionMs.value)
              : `${formatMs(t.retentionMs.value)}: ${cell(t.retentionMs.explanation)}`,
        ]),
      ),
      '',
    );
  }

  lines.push(
    '## ACLs',
    '',
    `Held in this domain's stack: access to the domain's topics and its groups' ids, per principal. Every ACL is Allow, host \`*\`, Literal unless its row says otherwise; a row with several operations is one ACL per operation on the same resource, needed for the same reasons.`,
    '',
  );
  if (acls.length === 0) lines.push('None.', '');
  for (const [principal, rows] of aclRowsByPrincipal(acls)) {
    lines.push(`### ACLs of ${code(principal)}`, '', ...table(['Operations', 'Resource', 'Needed by'], rows), '');
  }
  return document(lines);
}

/**
 * What the topics' rows say in a word, once above the topics, for the forms the page shows: at 1,000 bench topics the
 * same explanations stood in every topic's table (issue 26).
 */
function topicRowsExplained(topics: readonly ResolvedEventTopic[]): string[] {
  const forms = [
    ...(topics.some((t) => t.ordering === 'per-key')
      ? ['**Ordering** per key: consumers need the events of one key in order, which Kafka keeps within a partition.']
      : []),
    ...(topics.some((t) => t.ordering !== 'per-key') ? ['**Ordering** none: consumers need no ordering.'] : []),
    ...(topics.some((t) => t.replay.kind === 'window') ? [REPLAY_EXPLAINED.window] : []),
    ...(topics.some((t) => t.replay.kind === 'full') ? [REPLAY_EXPLAINED.full] : []),
    ...(topics.some((t) => t.retentionBytes === null)
      ? ['**Byte cap** none: retention.bytes is never derived; a topic has one only when declared, as an explicit capacity guard.']
      : []),
  ];
  return ["What a topic's rows say in a word:", '', ...forms.map((f) => `- ${f}`), ''];
}

/**
 * The derived shape of dead-letter and retry topics, once above their table: a row whose partitions or retention are
 * derived gives the number, one that was declared or sized otherwise its own explanation. The same explanation stood
 * in each of 2,000 rows at 1,000 bench topics (issue 26).
 */
function companionsExplained(companions: readonly ResolvedCompanionTopic[]): string[] {
  const deadLetters = companions.some((t) => t.kind === 'dead-letter');
  const retries = companions.some((t) => t.kind !== 'dead-letter');
  const derived = deadLetterRetention();
  return [
    'Partitions and retention, where a row gives only the number:',
    '',
    ...(deadLetters
      ? [
          `- a dead-letter topic has ${DEAD_LETTER_PARTITIONS} partitions (dead letters are rare), or fewer when the topic it serves has fewer, and keeps them ${formatMs(derived.value)}: they wait for a human`,
        ]
      : []),
    ...(retries ? ['- a retry tier has as many partitions as the topic it serves: it is read by the same group instances'] : []),
    '',
  ];
}

/** A companion's partitions: the number when derived (companionsExplained says how), else the number and why. */
function companionPartitions(topology: Topology, t: ResolvedCompanionTopic): string {
  const parent = topicNameOf(topology, t);
  const derived = t.kind === 'dead-letter' ? deadLetterPartitions(t.partitions.value, DEAD_LETTER_PARTITIONS, parent) : retryPartitionsOfParent(parent);
  return t.partitions.explanation === derived ? String(t.partitions.value) : `${t.partitions.value}: ${cell(t.partitions.explanation)}`;
}

function isDefaultDeadLetterRetention(t: ResolvedCompanionTopic): boolean {
  const derived = deadLetterRetention();
  return t.kind === 'dead-letter' && t.retentionMs?.value === derived.value && t.retentionMs.explanation === derived.explanation;
}

/**
 * The client files each service that runs a group of this domain shares between its profiles, once: a group's own
 * Client config row links its .properties only.
 */
function serviceFiles(topology: Topology, groups: readonly ResolvedConsumerGroup[], clients: readonly ServiceClients[], here: string): string[] {
  const env = topology.environment.name;
  const index = clientIndex(clients);
  const services = new Map<string, ServiceClients>();
  for (const g of groups) {
    const client = index.get(clientKey(g.service, g.principal));
    if (client !== undefined) services.set(clientKey(client.service, client.principal), client);
  }
  if (services.size === 0) return [];
  return [
    "### Client configs of the groups' services",
    '',
    "A group's Client config row links its Java .properties; its service's `client.json` (every profile: settings and reasons) and `kafkajs.ts` (the same in KafkaJS's option names) are here.",
    '',
    ...table(
      ['Service', 'Principal', 'Files'],
      [...services.values()]
        .sort((a, b) => compareStrings(a.service, b.service) || compareStrings(a.principal, b.principal))
        .map((c) => [
          codeCell(c.service),
          codeCell(c.principal),
          `${link('client.json', linkFrom(here, paths.clientJson(env, c.dirName)))} · ${link('kafkajs.ts', linkFrom(here, paths.kafkajs(env, c.dirName)))}`,
        ]),
    ),
    '',
  ];
}

/** What sets an ACL apart from an Allow, host `*`, Literal one, e.g. ` (Prefixed)`, ` (Deny, host 10.0.0.1)`. */
function aclQualifiers(acl: ResolvedAcl): string {
  const parts = [
    ...(acl.patternType === 'Literal' ? [] : [acl.patternType]),
    ...(acl.permission === 'Allow' ? [] : [acl.permission]),
    ...(acl.host === '*' ? [] : [`host ${codeCell(acl.host)}`]),
  ];
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/**
 * The domain's ACLs as table rows per principal, principals in sorted order: one row per resource and reason, listing
 * its operations (a dead-letter topic's Read and Write). A row per ACL repeated the principal and the reason on every
 * line: a third of a domain page at 1,000 bench topics.
 */
function aclRowsByPrincipal(acls: readonly ResolvedAcl[]): Array<[string, string[][]]> {
  const byPrincipal = new Map<string, Map<string, { operations: string[]; acl: ResolvedAcl }>>();
  for (const a of acls) {
    const rows = byPrincipal.get(a.principal) ?? new Map<string, { operations: string[]; acl: ResolvedAcl }>();
    byPrincipal.set(a.principal, rows);
    const key = [a.resourceType, a.resourceName, a.patternType, a.host, a.permission, a.legacy?.reason ?? '', ...a.neededBy].join('\u0000');
    const row = rows.get(key);
    if (row === undefined) rows.set(key, { operations: [a.operation], acl: a });
    else if (!row.operations.includes(a.operation)) row.operations.push(a.operation);
  }
  return [...byPrincipal.keys()]
    .sort(compareStrings)
    .map((principal) => [
      principal,
      [...(byPrincipal.get(principal)?.values() ?? [])].map(({ operations, acl }) => [
        [...operations].sort(compareStrings).join(', '),
        `${acl.resourceType} ${codeCell(acl.resourceName)}${aclQualifiers(acl)}`,
        cell(acl.neededBy.length === 0 && acl.legacy !== undefined ? `kept legacy ACL: ${acl.legacy.reason}` : acl.neededBy.join('; ')),
      ]),
    ]);
}

function topicSection(topology: Topology, topic: ResolvedEventTopic, here: string, domainFile: string): string[] {
  const producers = lookup(topology).producersOf(topic.name);
  const readers = lookup(topology).readersOf(topic.name);
  const rows: string[][] = [
    ['Event types', topic.eventTypes.map(codeCell).join(', ')],
    ['Key', topic.key === null ? 'no key' : `${codeCell(topic.key.field)} (${cell(keyDetails(topic.key))}): ${cell(topic.key.reason)}`],
    ['Ordering', topic.ordering === 'per-key' ? 'per key' : 'none'],
    [
      'Throughput',
      topic.throughput === null
        ? 'not declared'
        : `peak ${formatCount(topic.throughput.peakMessagesPerSecond)} msg/s × ${formatCount(topic.throughput.averageMessageBytes)} bytes`,
    ],
    ['Partitions', `${topic.partitions.value}: ${cell(topic.partitions.explanation)}`],
    ['Replication', `factor ${topic.replicationFactor}, min.insync.replicas ${topic.minInsyncReplicas}`],
    ['Cleanup policy', codeCell(topic.cleanupPolicy)],
    ['Retention', `${cell(retentionText(topic))}${topic.retentionMs === null ? '' : `: ${cell(topic.retentionMs.explanation)}`}`],
    ['Replay', topic.replay.kind === 'window' ? `window ${durationText(topic.replay.window)}` : cell(replayFacts(topic, codeCell))],
    ['Byte cap', topic.retentionBytes === null ? 'none' : `retention.bytes ${topic.retentionBytes} per partition, an explicit capacity guard`],
    ['Contract', `${topic.contract.compatibility}${topic.contract.changeStrategy === undefined ? '' : `: ${cell(topic.contract.changeStrategy)}`}`],
    [
      'Producers',
      producers.length === 0
        ? 'none declared'
        : producers
            .map(
              (p) =>
                `${codeCell(p.service)} as ${codeCell(p.principal)} (${p.idempotent ? 'idempotent' : 'NOT idempotent'}${p.transactionalIdPrefix === null ? '' : `, transactional, id prefix ${codeCell(p.transactionalIdPrefix)}`}, delivery bound ${formatMs(p.delivery.timeoutMs)})`,
            )
            .join('; '),
    ],
    ['Consumer groups', readers.length === 0 ? 'none' : readers.map((g) => groupReference(topology, g, topic.domain, here)).join(', ')],
    ...topicClientRows(topology, topic.name, topic.domain, here),
    [
      'Topic configs',
      Object.entries(topic.config)
        .map(([k, v]) => codeCell(`${k}=${v}`))
        .join(', '),
    ],
    ...declaredRow(topic, domainFile),
  ];
  return [`### ${code(topic.name)}`, '', ...(topic.description === undefined ? [] : [cell(topic.description), '']), ...table(['', ''], rows), ''];
}

function groupSection(topology: Topology, g: ResolvedConsumerGroup, here: string, clients: readonly ServiceClients[], domainFile: string): string[] {
  const env = topology.environment.name;
  const client = clientIndex(clients).get(clientKey(g.service, g.principal));
  // The service's client.json and kafkajs.ts are linked once, in the page's client configs table (serviceFiles).
  const files = client === undefined ? [] : [link('properties', linkFrom(here, paths.consumerProperties(env, client.dirName, g.groupId)))];
  const reads = g.subscriptions.map((s) => `${codeCell(s.topicName)}${s.reason === undefined ? '' : ` (${cell(s.reason)})`}`);
  const dlqs = g.subscriptions.flatMap((s) => (s.deadLetterTopic === null ? [] : [codeCell(s.deadLetterTopic)]));
  const retries = g.subscriptions.flatMap((s) => s.retryTopics.map((r, i) => `${codeCell(r)} after ${formatMs(g.retryDelaysMs[i] ?? 0)}`));
  const rows: string[][] = [
    ['Service', `${codeCell(g.service)} as ${codeCell(g.principal)}`],
    ['Reads', reads.join(', ')],
    ['Idempotency', g.idempotency === null ? '**not declared**: duplicates and replays are unsafe until it is' : cell(g.idempotency)],
    ['Processing time', g.processingTimePerMessageMs === null ? 'not declared' : `${formatMs(g.processingTimePerMessageMs)} per message (${g.processing})`],
    ['Lag tolerance', g.maxProcessingLagMs === null ? 'not declared' : formatMs(g.maxProcessingLagMs)],
    ['Offset commit', g.offsetCommit.mode === 'manual' ? 'manual, after processing' : `auto: ${cell(g.offsetCommit.reason ?? '')}`],
    ['Dead-letter topics', dlqs.length === 0 ? '**none**: a poison pill blocks its partition' : dlqs.join(', ')],
    ['Retry tiers', retries.length === 0 ? 'none' : retries.join(', ')],
    ['Runbook', link('replay and re-drive', runbookLink(here, env, g.domain, g.groupId))],
    ['Client config', files.length === 0 ? '' : files.join(' · ')],
    ...declaredRow(g, domainFile),
  ];
  return [`### ${code(g.groupId)}`, '', ...table(['', ''], rows), ''];
}

/** The file a declaration is in, or its construct path when the file is not known. */
function declaredIn(declaration: { readonly source: { readonly file?: string; readonly path: string } }): string {
  return declaration.source.file ?? declaration.source.path;
}

/**
 * A section's `Declared in` row, left out when the domain's own file says it: at 1,000 bench topics the same row stood
 * in ~3,000 sections of 7 pages.
 */
function declaredRow(declaration: { readonly source: { readonly file?: string; readonly path: string } }, domainFile: string): string[][] {
  const where = declaredIn(declaration);
  return where === domainFile ? [] : [['Declared in', codeCell(where)]];
}

const clientKey = (service: string, principal: string): string => `${service}\u0000${principal}`;
const clientIndexes = new WeakMap<readonly ServiceClients[], ReadonlyMap<string, ServiceClients>>();

/**
 * Clients by service and principal, built once per list: every group section looks its client up, and a large app
 * has tens of thousands of groups and hundreds of clients. The first client of a pair wins, as a search would.
 */
function clientIndex(clients: readonly ServiceClients[]): ReadonlyMap<string, ServiceClients> {
  let index = clientIndexes.get(clients);
  if (index === undefined) {
    const byKey = new Map<string, ServiceClients>();
    for (const c of clients) if (!byKey.has(clientKey(c.service, c.principal))) byKey.set(clientKey(c.service, c.principal), c);
    index = byKey;
    clientIndexes.set(clients, index);
  }
  return index;
}

function keyDetails(key: NonNullable<ResolvedEventTopic['key']>): string {
  return `aggregate ${key.aggregate}${key.cardinality === undefined ? '' : `, ~${formatCount(key.cardinality)} keys`}`;
}

/** A group of this page's domain is listed below; another domain's group links to that domain's page. */
function groupReference(topology: Topology, g: ResolvedConsumerGroup, pageDomain: string, here: string): string {
  const name =
    g.domain === pageDomain
      ? codeCell(g.groupId)
      : `${codeCell(g.groupId)} of ${link(g.domain, linkFrom(here, paths.domainPage(topology.environment.name, g.domain)))}`;
  return `${name} (${cell(g.service)})`;
}

function topicNameOf(topology: Topology, t: ResolvedCompanionTopic): string {
  const parent = lookup(topology).eventTopicByRef(t.parent.domain, t.parent.event);
  return parent?.name ?? `${t.parent.domain}.${t.parent.event}`;
}
