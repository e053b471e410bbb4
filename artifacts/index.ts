/**
 * What each service needs, generated from the resolved Topologies (one per environment stack): client configs, flow
 * graphs, the catalog, replay runbooks and the capacity report. Pure: Topology in, file contents out; synth writes them.
 *
 * `topologies` may be whole environments or the stacks' slices of them (an environment split per domain): slices of
 * one environment are merged back. Keys are POSIX paths relative to the synth output (layout in ./paths.ts); values
 * end with a newline. Output is deterministic: sorted, no timestamps, no absolute paths, independent of the order of
 * `topologies` and of how environments are split into stacks.
 */
import type { Topology } from '../model/topology';
import { renderDomainPage } from './catalog/domain-page';
import { renderDocsIndex } from './catalog/docs-index';
import { renderEnvironmentIndex } from './catalog/environment-index';
import { deriveClients } from './client-config';
import { renderClientJson } from './clients/json';
import { renderKafkajs } from './clients/kafkajs';
import { renderConsumerProperties, renderProducerProperties } from './clients/properties';
import { mergeByEnvironment } from './canonical';
import { renderCapacity } from './capacity';
import { compareStrings } from './format';
import { buildGraph } from './graph/model';
import { renderMermaid } from './graph/mermaid';
import { paths } from './paths';
import { renderRunbook } from './runbook';

export { GENERATED_MARKER, isGeneratedArtifact } from './marker';
export { ARTIFACT_ROOTS, environmentOf, paths } from './paths';

/** Every artifact as a sorted map of path → content. */
export function generateArtifacts(topologies: readonly Topology[]): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  eachArtifact(topologies, (path, content) => void files.set(path, content));
  return new Map([...files.entries()].sort(([a], [b]) => compareStrings(a, b)));
}

/**
 * Hands each artifact to `sink` as soon as it is rendered, so a caller can write it and let it go (at 10,000 topics the
 * artifacts are hundreds of megabytes). Paths come in generation order, each once.
 */
export function eachArtifact(topologies: readonly Topology[], sink: (path: string, content: string) => void): void {
  const seen = new Set<string>();
  const put = (path: string, content: string): void => {
    if (seen.has(path)) throw new Error(`two artifacts would be written to ${path}`);
    seen.add(path);
    sink(path, content);
  };
  const sorted = mergeByEnvironment(topologies);
  for (const topology of sorted) {
    const env = topology.environment.name;
    const clients = deriveClients(topology);
    for (const client of clients) {
      for (const p of client.producers) put(paths.producerProperties(env, client.dirName, p.name), renderProducerProperties(client, p));
      for (const c of client.consumers) put(paths.consumerProperties(env, client.dirName, c.groupId), renderConsumerProperties(client, c));
      put(paths.clientJson(env, client.dirName), renderClientJson(client));
      put(paths.kafkajs(env, client.dirName), renderKafkajs(client));
    }
    put(paths.environmentIndex(env), renderEnvironmentIndex(topology, clients));
    put(paths.graph(env), renderMermaid(buildGraph(topology)));
    for (const domain of topology.domains) {
      put(paths.domainPage(env, domain.name), renderDomainPage(topology, domain, clients));
      put(paths.domainGraph(env, domain.name), renderMermaid(buildGraph(topology, domain.name)));
    }
    for (const group of topology.consumerGroups) put(paths.runbook(env, group.groupId), renderRunbook(topology, group));
  }
  put(paths.docsIndex(), renderDocsIndex(sorted));
  put(paths.capacity(), renderCapacity(sorted));
}
