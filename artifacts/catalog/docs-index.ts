/** The entry page of the generated docs: one line per environment, and the capacity report. */
import type { Topology } from '../../model/topology';
import { compareStrings } from '../format';
import { codeCell, document, GENERATED_MARKDOWN, link, table } from '../markdown';
import { linkFrom, paths } from '../paths';

export function renderDocsIndex(topologies: readonly Topology[]): string {
  const here = paths.docsIndex();
  const sorted = [...topologies].sort((a, b) => compareStrings(a.environment.name, b.environment.name));
  return document([
    GENERATED_MARKDOWN,
    '# Event flows',
    '',
    'Generated from the declarations on every synth: a catalog per environment (domains, topics, consumer groups, ACLs), replay runbooks per domain (a section per consumer group), Mermaid flow graphs, and client configs per service under `clients/`.',
    '',
    ...table(
      ['Environment', 'Production', 'Domains', 'Event topics', 'Consumer groups', 'Graph'],
      sorted.map((t) => [
        link(t.environment.name, linkFrom(here, paths.environmentIndex(t.environment.name))),
        t.environment.production ? 'yes' : 'no',
        t.domains.map((d) => codeCell(d.name)).join(', '),
        String(t.topics.filter((x) => x.kind === 'event').length),
        String(t.consumerGroups.length),
        link('graph.mmd', linkFrom(here, paths.graph(t.environment.name))),
      ]),
    ),
    '',
    `Storage, partitions and totals per environment: ${link('capacity', linkFrom(here, paths.capacity()))}.`,
  ]);
}
