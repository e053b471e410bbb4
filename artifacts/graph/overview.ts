/**
 * The domain-to-domain overview of an environment: one box per domain (its owner, topics and groups), an edge from a
 * domain to each domain whose groups read its topics. It is what an environment of any size can draw: tens of domains,
 * where the full flow has thousands of boxes.
 */
import type { Topology } from '../../model/topology';
import { compareStrings } from '../format';
import { lookup } from '../lookup';
import { GENERATED_MARKER } from '../marker';
import { mermaidIds } from './mermaid-ids';
import { text } from './mermaid';

export interface DomainLink {
  /** The domain owning the topics. */
  readonly from: string;
  /** The domain owning the groups, Streams applications or sink connectors that read them. */
  readonly to: string;
  /** How many of `from`'s event topics `to`'s groups read. */
  readonly topics: number;
}

/** Cross-domain reads, one link per pair of domains, sorted. */
export function domainLinks(topology: Topology): DomainLink[] {
  const topics = new Map<string, Set<string>>();
  const read = (reader: string, topicName: string): void => {
    const owner = lookup(topology).eventTopic(topicName)?.domain;
    if (owner === undefined || owner === reader) return;
    const key = `${owner}\u0000${reader}`;
    topics.set(key, (topics.get(key) ?? new Set<string>()).add(topicName));
  };
  // Every reader counts: consumer groups, Kafka Streams applications and sink connectors.
  for (const g of topology.consumerGroups) for (const s of g.subscriptions) read(g.domain, s.topicName);
  for (const a of topology.streamsApplications ?? []) for (const i of a.inputs) read(a.domain, i.topicName);
  for (const k of topology.connect?.connectors ?? []) if (k.type === 'sink') for (const t of k.topics) read(k.domain, t.topicName);
  return [...topics.entries()]
    .map(([key, names]) => {
      const [from = '', to = ''] = key.split('\u0000');
      return { from, to, topics: names.size };
    })
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}

export function renderOverview(topology: Topology, notes: readonly string[] = []): string {
  const domains = [...topology.domains].sort((a, b) => compareStrings(a.name, b.name));
  const ids = mermaidIds(domains.map((d) => `domain:${d.name}`));
  const id = (name: string): string => ids.get(`domain:${name}`) ?? name;
  const lines = [
    'flowchart LR',
    `  %% ${GENERATED_MARKER} from the declarations: environment ${topology.environment.name}, domains and who reads whose topics. Do not edit.`,
    ...notes.map((note) => `  %% ${note.replace(/[\r\n]+/g, ' ')}`),
  ];
  for (const d of domains) {
    const owned = lookup(topology).ofDomain(d.name);
    const topics = owned.topics.filter((t) => t.kind === 'event').length;
    const facts = `${count(topics, 'topic')} · ${count(owned.consumerGroups.length, 'group')}`;
    lines.push(`  ${id(d.name)}["${[d.name, d.owner, facts].map(text).join('<br/>')}"]`);
  }
  for (const link of domainLinks(topology)) lines.push(`  ${id(link.from)} -->|"${count(link.topics, 'topic')}"| ${id(link.to)}`);
  if (domains.length > 0) {
    lines.push('  classDef domain fill:#f3f0ff,stroke:#5b3cc4');
    lines.push(`  class ${domains.map((d) => id(d.name)).join(',')} domain`);
  }
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
