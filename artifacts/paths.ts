/**
 * The layout of the generated artifacts, as POSIX paths relative to the synth output (cdktf.out). One home for every
 * path, so links between documents and the files written agree.
 *
 * ```
 * clients/<env>/<service>/producer.properties            Java client settings, a comment with the reason per value
 * clients/<env>/<service>/consumer.<group-id>.properties
 * clients/<env>/<service>/streams.<application-id>.properties  a Kafka Streams application's config
 * clients/<env>/<service>/client.json                    every profile: settings and reasons (shared ones once)
 * clients/<env>/<service>/kafkajs.ts                     the same in KafkaJS's option names
 * clients/<env>/<connect-service>/connect.<group-id>.worker.properties   a Connect cluster's worker settings
 * clients/<env>/<connect-service>/connector.<group-id>.<name>.json      a connector's topicform-owned config keys
 * docs/index.md                                          environments, capacity
 * docs/capacity.md                                       storage per topic, partitions per cluster, totals
 * docs/<env>/index.md                                    the catalog's index: domains, groups, runbooks, clients
 * docs/<env>/domains/<domain>.md                         one catalog page per domain
 * docs/<env>/runbooks/<domain>.md                        replay and dead-letter re-drive: the steps once, a section per
 *                                                        consumer group the domain owns (anchor: runbookAnchor)
 *                                                        and per sink connector of its Connect clusters (runbookSinkAnchor)
 * docs/<env>/graph.mmd                                   Mermaid flowchart of the environment (its domain overview when large)
 * docs/<env>/graphs/<domain>.mmd                         Mermaid flowchart of one domain and its neighbours
 * portal/catalog-info.yaml                               Backstage Location: every domain's catalog file
 * portal/<domain>/catalog-info.yaml                      Backstage System, API, Components and Resources of a domain
 * portal/<domain>/asyncapi.yaml                          AsyncAPI 3.0 document of a domain, every environment in it
 * iam/<env>/<principal>.json                             an aws-iam environment's MSK IAM policy per principal
 * ```
 *
 * The portal files span the environments (an API portal shows one API per domain, with a server per environment), so
 * a subset synth (`--env`) leaves them as they are, like docs/index.md.
 */
import { posix } from 'node:path';
import { code, headingAnchor } from './markdown';

/** Top-level folders generated artifacts live in; synth removes stale files only under these. */
export const ARTIFACT_ROOTS = ['clients', 'docs', 'portal', 'iam'] as const;

/** The root of the files that span every environment, per domain: portal/<domain>/…. */
export const PORTAL_ROOT = 'portal';

export const paths = {
  producerProperties: (env: string, clientDirName: string, profile: string): string => `clients/${env}/${clientDirName}/${profile}.properties`,
  consumerProperties: (env: string, clientDirName: string, groupId: string): string => `clients/${env}/${clientDirName}/consumer.${groupId}.properties`,
  streamsProperties: (env: string, service: string, applicationId: string): string => `clients/${env}/${service}/streams.${applicationId}.properties`,
  /** A service's folder of client files (no trailing slash: a link to it adds one). */
  clientDir: (env: string, clientDirName: string): string => `clients/${env}/${clientDirName}`,
  clientJson: (env: string, clientDirName: string): string => `clients/${env}/${clientDirName}/client.json`,
  kafkajs: (env: string, clientDirName: string): string => `clients/${env}/${clientDirName}/kafkajs.ts`,
  connectWorker: (env: string, service: string, groupId: string): string => `clients/${env}/${service}/connect.${groupId}.worker.properties`,
  connector: (env: string, service: string, clusterGroupId: string, name: string): string =>
    `clients/${env}/${service}/connector.${clusterGroupId}.${name}.json`,
  docsIndex: (): string => 'docs/index.md',
  capacity: (): string => 'docs/capacity.md',
  environmentIndex: (env: string): string => `docs/${env}/index.md`,
  domainPage: (env: string, domain: string): string => `docs/${env}/domains/${domain}.md`,
  /**
   * The runbook of a domain's consumer groups and sink connectors; a group's section is `#${runbookAnchor(groupId)}`,
   * a sink connector's `#${runbookSinkAnchor(connector, clusterGroupId)}`.
   */
  runbook: (env: string, domain: string): string => `docs/${env}/runbooks/${domain}.md`,
  graph: (env: string): string => `docs/${env}/graph.mmd`,
  domainGraph: (env: string, domain: string): string => `docs/${env}/graphs/${domain}.mmd`,
  portalLocation: (): string => `${PORTAL_ROOT}/catalog-info.yaml`,
  portalCatalog: (domain: string): string => `${PORTAL_ROOT}/${domain}/catalog-info.yaml`,
  asyncApi: (domain: string): string => `${PORTAL_ROOT}/${domain}/asyncapi.yaml`,
  /** An aws-iam environment's MSK IAM policy for one principal (artifacts/msk-iam.ts names the file). */
  mskIamPolicy: (env: string, fileName: string): string => `iam/${env}/${fileName}.json`,
} as const;

/** The heading of a consumer group's section in its domain's runbook, and the anchor GitHub gives it. */
export const runbookHeading = (groupId: string): string => `### Group ${code(groupId)}`;
export const runbookAnchor = (groupId: string): string => headingAnchor(runbookHeading(groupId).replace(/^#+ /, ''));

/** The heading of a sink connector's section in its Connect cluster's domain's runbook, and its anchor. */
export const runbookSinkHeading = (connector: string, clusterGroupId: string): string => `### Sink connector ${code(connector)} on ${code(clusterGroupId)}`;
export const runbookSinkAnchor = (connector: string, clusterGroupId: string): string =>
  headingAnchor(runbookSinkHeading(connector, clusterGroupId).replace(/^#+ /, ''));

/** A link target for a sink connector's runbook section, relative to the document at `from`. */
export function runbookSinkLink(from: string, env: string, domain: string, connector: string, clusterGroupId: string): string {
  return `${linkFrom(from, paths.runbook(env, domain))}#${runbookSinkAnchor(connector, clusterGroupId)}`;
}

/** A link target for a consumer group's runbook section, relative to the document at `from`. */
export function runbookLink(from: string, env: string, domain: string, groupId: string): string {
  return `${linkFrom(from, paths.runbook(env, domain))}#${runbookAnchor(groupId)}`;
}

/**
 * The environment an artifact belongs to (`clients/<env>/…`, `docs/<env>/…`), or null for the files that span every
 * environment (`docs/index.md`, `docs/capacity.md`, `portal/…`): a subset synth writes only its environments' files.
 */
export function environmentOf(path: string): string | null {
  const parts = path.split('/');
  return parts.length > 2 && parts[0] !== PORTAL_ROOT && (ARTIFACT_ROOTS as readonly string[]).includes(parts[0] ?? '') ? (parts[1] ?? null) : null;
}

/** The links of the document rendered last, by target: linkFrom's cache. */
let linksFrom: { readonly from: string; readonly to: Map<string, string> } = { from: '', to: new Map() };

/**
 * A relative link from the document at `from` to the file at `to` (both relative to the output root). A document links
 * to the same files many times (a catalog page to its runbook and to each service's client files from each of its
 * groups), and `posix.relative` resolves both paths against the working directory every time: the links of the
 * document rendered last are kept, and forgotten when links from another document are asked for (issue 26).
 */
export function linkFrom(from: string, to: string): string {
  if (linksFrom.from !== from) linksFrom = { from, to: new Map() };
  let link = linksFrom.to.get(to);
  if (link === undefined) {
    link = posix.relative(posix.dirname(from), to);
    linksFrom.to.set(to, link);
  }
  return link;
}
