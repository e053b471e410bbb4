/**
 * The catalog's index for one environment: its domains, every topic at a glance, consumer groups with their runbooks,
 * and the client configs per service.
 */
import type { ResolvedEventTopic, Topology } from '../../model/topology';
import type { ServiceClients } from '../client-config';
import { compareStrings, formatMs } from '../format';
import { cell, codeCell, document, GENERATED_MARKDOWN, link, table } from '../markdown';
import { lookup } from '../lookup';
import { linkFrom, paths, runbookLink } from '../paths';
import { durationText } from './facts';
import { overview } from '../graph/draw';

export function renderEnvironmentIndex(topology: Topology, clients: readonly ServiceClients[]): string {
  const env = topology.environment;
  const here = paths.environmentIndex(env.name);
  const to = (target: string): string => linkFrom(here, target);
  const domains = [...topology.domains].sort((a, b) => compareStrings(a.name, b.name));
  const eventTopics = topology.topics.filter((t): t is ResolvedEventTopic => t.kind === 'event');

  const lines: string[] = [
    GENERATED_MARKDOWN,
    `# Event catalog: ${env.name}`,
    '',
    `${env.production ? 'Production environment' : 'Environment'} ${codeCell(env.name)}: replication factor ${env.replicationFactor}, min.insync.replicas ${env.minInsyncReplicas}, topic prefix ${env.topicPrefix === '' ? 'none' : codeCell(env.topicPrefix)}.`,
    `The whole flow: ${link('graph.mmd', to(paths.graph(env.name)))} · storage and partitions: ${link('capacity', to(paths.capacity()))}.`,
    '',
    '## Domains',
    '',
    ...table(
      ['Domain', 'Owner', 'Description', 'Event topics', 'Consumer groups'],
      domains.map((d) => [
        link(d.name, to(paths.domainPage(env.name, d.name))),
        cell(d.owner),
        cell(d.description),
        String(
          lookup(topology)
            .ofDomain(d.name)
            .topics.filter((t) => t.kind === 'event').length,
        ),
        String(lookup(topology).ofDomain(d.name).consumerGroups.length),
      ]),
    ),
    '',
    '## Who reads whose topics',
    '',
    `One box per domain; an arrow from a domain to each domain whose consumer groups read its topics. Each domain's own flow is on its page and in \`graphs/<domain>.mmd\`.`,
    '',
    '```mermaid',
    overview(topology).trimEnd(),
    '```',
    '',
    '## Event topics',
    '',
    ...table(
      ['Topic', 'Domain', 'Key', 'Partitions', 'Replay', 'Retention'],
      eventTopics.map((t) => [
        codeCell(t.name),
        link(t.domain, to(paths.domainPage(env.name, t.domain))),
        t.key === null ? 'no key' : codeCell(t.key.field),
        String(t.partitions.value),
        t.replay.kind === 'window' ? `window ${durationText(t.replay.window)}` : 'full (compacted)',
        t.retentionMs === null ? 'latest value per key' : formatMs(t.retentionMs.value),
      ]),
    ),
    '',
    '## Consumer groups',
    '',
    ...table(
      ['Group', 'Service', 'Reads', 'Lag tolerance', 'Runbook'],
      topology.consumerGroups.map((g) => [
        codeCell(g.groupId),
        codeCell(g.service),
        g.subscriptions.map((s) => codeCell(s.topicName)).join(', '),
        g.maxProcessingLagMs === null ? 'not declared' : formatMs(g.maxProcessingLagMs),
        link('replay and re-drive', runbookLink(here, env.name, g.domain, g.groupId)),
      ]),
    ),
    '',
    '## Client configs',
    '',
    "Each service's folder holds a `consumer.<group id>.properties` per group it consumes as, a `.properties` per producer profile (linked here), `client.json` (every profile: settings and reasons) and `kafkajs.ts` (the same in KafkaJS's option names). A group's section on its domain page links its own files.",
    '',
    ...table(
      ['Service', 'Principal', 'Produces', 'Consumes as', 'Files'],
      clients.map((c) => [
        codeCell(c.service),
        codeCell(c.principal),
        c.producers.flatMap((p) => p.topics.map(codeCell)).join(', '),
        c.consumers.map((g) => codeCell(g.groupId)).join(', '),
        // The folder once instead of a link per file: ~140 bytes per consumer group at 1,000 bench topics (issue 26).
        [
          link(`${c.dirName}/`, `${to(paths.clientDir(env.name, c.dirName))}/`),
          ...c.producers.map((p) => link(`${p.name}.properties`, to(paths.producerProperties(env.name, c.dirName, p.name)))),
        ].join(' · '),
      ]),
    ),
    '',
  ];
  return document(lines);
}
