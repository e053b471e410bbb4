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
import { renderConnectorJson, renderWorkerProperties } from './clients/connect';
import { serviceAccountOf } from './clients/confluent';
import { renderClientJson } from './clients/json';
import { renderKafkajs } from './clients/kafkajs';
import { renderConsumerProperties, renderProducerProperties, renderStreamsProperties } from './clients/properties';
import { streamsSettings } from './streams-config';
import { mergeByEnvironment } from './canonical';
import { renderCapacity } from './capacity';
import { policyFileName, renderMskIamPolicy } from './msk-iam';
import { compareStrings } from './format';
import { domainFlow, environmentFlow } from './graph/draw';
import { linkFrom, paths } from './paths';
import { ASYNCAPI_VERSION, asyncApiDocument, portalDomains } from './portal/asyncapi';
import { catalogEntities, catalogLocation, serviceUses } from './portal/backstage';
import { portalFile } from './portal/yaml';
import { renderDomainRunbook } from './runbook';

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
  for (const job of artifactJobs(topologies)) job(put);
}

/** Renders some of the artifacts, handing each file to `put`. */
export type ArtifactJob = (put: (path: string, content: string) => void) => void;

/**
 * Every artifact, as independent jobs: the same jobs, in the same order, for the same Topologies, so that two threads
 * holding equal copies can share them by index (cli/artifact-stage.ts). The largest come first and the many small
 * ones (a client, a domain's runbook) last, so threads that take the next job as they become free finish together.
 */
export function artifactJobs(topologies: readonly Topology[]): ArtifactJob[] {
  const sorted = mergeByEnvironment(topologies);
  const first: ArtifactJob[] = [];
  const rest: ArtifactJob[] = [];
  for (const topology of sorted) {
    const env = topology.environment.name;
    const clients = deriveClients(topology);
    first.push((put) => {
      put(paths.environmentIndex(env), renderEnvironmentIndex(topology, clients));
      put(paths.graph(env), environmentFlow(topology));
    });
    for (const domain of topology.domains) {
      first.push((put) => {
        const flow = domainFlow(topology, domain.name);
        put(paths.domainPage(env, domain.name), renderDomainPage(topology, domain, clients, flow));
        put(paths.domainGraph(env, domain.name), flow);
      });
    }
    for (const client of clients) {
      rest.push((put) => {
        for (const p of client.producers) put(paths.producerProperties(env, client.dirName, p.name), renderProducerProperties(client, p));
        for (const c of client.consumers) put(paths.consumerProperties(env, client.dirName, c.groupId), renderConsumerProperties(client, c));
        put(paths.clientJson(env, client.dirName), renderClientJson(client));
        put(paths.kafkajs(env, client.dirName), renderKafkajs(client));
      });
    }
    if (topology.connect !== undefined) {
      const connect = topology.connect;
      rest.push((put) => {
        const services = new Map(connect.clusters.map((c) => [c.groupId, c.service]));
        for (const c of connect.clusters) put(paths.connectWorker(env, c.service, c.groupId), renderWorkerProperties(topology, c));
        for (const k of connect.connectors) {
          put(paths.connector(env, services.get(k.cluster.groupId) ?? k.service, k.cluster.groupId, k.name), renderConnectorJson(topology, k));
        }
      });
    }
    for (const app of topology.streamsApplications ?? []) {
      rest.push((put) =>
        put(
          paths.streamsProperties(env, app.service, app.applicationId),
          renderStreamsProperties(env, app, streamsSettings(app, topology), topology.mskIam !== undefined, serviceAccountOf(topology, app.principal)),
        ),
      );
    }
    const mskIam = topology.mskIam;
    if (mskIam !== undefined) {
      rest.push((put) => {
        for (const policy of mskIam.policies) put(paths.mskIamPolicy(env, policyFileName(policy.principal)), renderMskIamPolicy(env, mskIam, policy));
      });
    }
    // Every domain that owns a consumer group or runs a sink connector, whether or not the Topology lists the domain itself.
    const readers = [...topology.consumerGroups, ...(topology.connect?.connectors ?? []).filter((k) => k.type === 'sink')];
    for (const domain of [...new Set(readers.map((r) => r.domain))].sort()) {
      rest.push((put) => {
        const runbook = renderDomainRunbook(topology, domain);
        if (runbook !== undefined) put(paths.runbook(env, domain), runbook);
      });
    }
  }
  first.push((put) => {
    put(paths.docsIndex(), renderDocsIndex(sorted));
    put(paths.capacity(), renderCapacity(sorted));
  });
  first.push(...portalJobs(sorted));
  return [...first, ...rest];
}

/**
 * The API portal files (artifacts/portal/): per domain its AsyncAPI document and Backstage catalog file, and the
 * Location listing every catalog file. Each spans the environments, so each job reads every Topology.
 */
function portalJobs(sorted: readonly Topology[]): ArtifactJob[] {
  const domains = portalDomains(sorted);
  let uses: ReturnType<typeof serviceUses> | undefined;
  const jobs: ArtifactJob[] = domains.map((domain) => (put) => {
    uses ??= serviceUses(sorted);
    put(
      paths.asyncApi(domain),
      portalFile([asyncApiDocument(domain, sorted)], `AsyncAPI ${ASYNCAPI_VERSION} document of domain ${domain}: its topics in every environment.`),
    );
    put(
      paths.portalCatalog(domain),
      portalFile(catalogEntities(domain, sorted, uses), `Backstage catalog entities of domain ${domain}; registered through ../catalog-info.yaml.`),
    );
  });
  jobs.push((put) =>
    put(
      paths.portalLocation(),
      portalFile(
        [catalogLocation(domains, (d) => `./${linkFrom(paths.portalLocation(), paths.portalCatalog(d))}`)],
        'Backstage Location: register this one file and the catalog reads every domain.',
      ),
    ),
  );
  return jobs;
}
