/**
 * The catalog page's sections for the clients other than producers and consumer groups: Kafka Streams applications
 * (inputs, outputs, guarantee, state and the internal topics Kafka Streams creates under its id) and Kafka Connect
 * (each cluster's workers and storage topics, each connector with the topics it reads or writes and its DLQ). A domain
 * without any gets none of these sections, so its page is what it was before they existed.
 */
import type { ResolvedConnectCluster, ResolvedConnector, ResolvedStreamsApplication, ResolvedStreamsTopic, Topology } from '../../model/topology';
import { formatMs } from '../format';
import { cell, code, codeCell, link, table } from '../markdown';
import { lookup } from '../lookup';
import { linkFrom, paths, runbookSinkLink } from '../paths';

/** The topic section's rows naming the Streams applications and connectors that use the topic (none: no rows). */
export function topicClientRows(topology: Topology, topicName: string, pageDomain: string, here: string): string[][] {
  const of = (domain: string, name: string): string =>
    domain === pageDomain ? codeCell(name) : `${codeCell(name)} of ${link(domain, linkFrom(here, paths.domainPage(topology.environment.name, domain)))}`;
  // From the per-Topology index: this runs once per event topic, and scanning every application and connector from each
  // made a page's cost grow with the whole environment.
  const index = lookup(topology);
  const reads = index.streamsReadersOf(topicName);
  const writes = index.streamsWritersOf(topicName);
  const connectors = index.connectorsOf(topicName);
  const streams = [...reads.map((a) => `${of(a.domain, a.applicationId)} reads`), ...writes.map((a) => `${of(a.domain, a.applicationId)} writes`)];
  const connect = connectors.map((k) => `${k.type} connector ${of(k.domain, k.name)} ${k.type === 'sink' ? 'reads' : 'writes'}`);
  return [...(streams.length === 0 ? [] : [['Kafka Streams', streams.join(', ')]]), ...(connect.length === 0 ? [] : [['Kafka Connect', connect.join(', ')]])];
}

export function streamsSections(topology: Topology, apps: readonly ResolvedStreamsApplication[], here: string): string[] {
  if (apps.length === 0) return [];
  const env = topology.environment.name;
  const topics = (list: readonly ResolvedStreamsTopic[]): string =>
    list.length === 0 ? 'none' : list.map((t) => `${codeCell(t.topicName)}${t.reason === undefined ? '' : ` (${cell(t.reason)})`}`).join(', ');
  const lines = ['## Kafka Streams applications', ''];
  for (const a of apps) {
    const changelogs = a.stateStores.flatMap((s) => (s.changelogTopic === null ? [] : [codeCell(s.changelogTopic)]));
    const rows: string[][] = [
      ['Service', `${codeCell(a.service)} as ${codeCell(a.principal)}`],
      ['Reads', topics(a.inputs)],
      ['Writes', topics(a.outputs)],
      ['Processing guarantee', codeCell(a.processingGuarantee)],
      [
        'State stores',
        a.stateStores.length === 0 ? 'none' : a.stateStores.map((s) => `${codeCell(s.name)}${s.changelogTopic === null ? ' (no changelog)' : ''}`).join(', '),
      ],
      [
        'Internal topics',
        `created by Kafka Streams under ${codeCell(`${a.internalPrefix}*`)} (Prefixed ACLs): ${[...changelogs, ...(a.repartitions ? ['repartition topics'] : [])].join(', ') || 'none today'}`,
      ],
      [
        'Exception handlers',
        a.exceptionHandlers === null
          ? '**none declared**: a bad record stops the application'
          : `${codeCell(a.exceptionHandlers.deserialization)}, ${codeCell(a.exceptionHandlers.production)}`,
      ],
      ['Idempotency', a.idempotency === null ? 'not declared' : cell(a.idempotency)],
      ['Client config', link('properties', linkFrom(here, paths.streamsProperties(env, a.service, a.applicationId)))],
      ['Declared in', codeCell(a.source.file ?? a.source.path)],
    ];
    lines.push(`### ${code(a.applicationId)}`, '', ...table(['', ''], rows), '');
  }
  return lines;
}

export function connectSections(
  topology: Topology,
  clusters: readonly ResolvedConnectCluster[],
  connectors: readonly ResolvedConnector[],
  here: string,
): string[] {
  if (clusters.length === 0 && connectors.length === 0) return [];
  const env = topology.environment.name;
  const lines = ['## Kafka Connect', ''];
  for (const c of clusters) {
    const storage = [c.storage.config, c.storage.offset, c.storage.status].map((t) => `${codeCell(t.name)} (${t.partitions.value} partitions, compacted)`);
    lines.push(
      `### Connect cluster ${code(c.groupId)}`,
      '',
      ...table(
        ['', ''],
        [
          ['Workers', `${codeCell(c.service)} as ${codeCell(c.principal)}`],
          ['Storage topics', storage.join(', ')],
          ['Exactly-once source', c.exactlyOnceSource ? 'enabled' : 'not enabled'],
          ['Worker config', link('properties', linkFrom(here, paths.connectWorker(env, c.service, c.groupId)))],
          ['Declared in', codeCell(c.source.file ?? c.source.path)],
        ],
      ),
      '',
    );
  }
  if (connectors.length > 0) {
    const service = new Map(clusters.map((c) => [c.groupId, c.service]));
    lines.push(
      ...table(
        ['Connector', 'Kind', 'Cluster', 'Topics', 'Principal', 'Group', 'Dead letters', 'Tasks', 'Config', 'Runbook'],
        connectors.map((k) => [
          codeCell(k.name),
          `${k.type}${k.transactionalIdPrefix === null ? '' : ', exactly once'}`,
          codeCell(k.cluster.groupId),
          `${k.type === 'sink' ? 'reads' : 'writes'} ${k.topics.map((t) => `${codeCell(t.topicName)}${t.reason === undefined ? '' : ` (${cell(t.reason)})`}`).join(', ')}`,
          codeCell(k.principal),
          k.groupId === null ? '' : codeCell(k.groupId),
          k.type === 'source'
            ? ''
            : k.deadLetter === null
              ? '**none**: a bad record stops the task'
              : `${codeCell(k.deadLetter.name)}${k.deadLetter.retentionMs === null ? '' : `, kept ${formatMs(k.deadLetter.retentionMs.value)}`}`,
          k.tasksMax === null ? "connector's default" : String(k.tasksMax),
          link('JSON', linkFrom(here, paths.connector(env, service.get(k.cluster.groupId) ?? k.service, k.cluster.groupId, k.name))),
          k.type === 'sink' ? link('replay and dead letters', runbookSinkLink(here, env, k.domain, k.name, k.cluster.groupId)) : '',
        ]),
      ),
      '',
    );
  }
  return lines;
}
