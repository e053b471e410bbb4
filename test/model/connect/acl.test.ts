/**
 * connectAclNeeds, rule by rule, against the "ACL requirements" of Kafka Connect (Apache Kafka docs, Kafka Connect ›
 * User Guide › Security; exactly-once rows from KIP-618):
 * - worker: Group READ on `group.id`; Topic READ and WRITE on the config, offset and status topics; with exactly-once
 *   source support, TransactionalID WRITE on `connect-cluster-<group.id>`, and Cluster IDEMPOTENT_WRITE before 2.8;
 * - source connector: Topic WRITE on its topics; exactly-once: TransactionalID WRITE Prefixed `<group.id>-<connector>-`,
 *   Topic DESCRIBE on the offsets topic unless it runs as the worker principal, IDEMPOTENT_WRITE before 2.8;
 * - sink connector: Group READ on its group (`connect-<connector>`), Topic READ on what it reads, WRITE on its DLQ.
 * The Connect declarations come from the resolve fixtures; every expected grant and reason is written out here.
 */
import { describe, expect, it } from 'vitest';
import type { AclNeed, AclOptions } from '../../../model/acl';
import { connectAclNeeds } from '../../../model/connect/acl';
import type { ConnectorInput } from '../../../model/schema';
import type { ResolvedConnect } from '../../../model/topology';
import { CDC_SOURCE, DOCUMENT_SINK, INDEXING } from '../resolve/connect-fixtures';
import { resolved, withDeclarations } from '../resolve/helpers';

const CDC: ConnectorInput = { ...CDC_SOURCE, exactlyOnce: true };

const CONNECT = resolved(withDeclarations({ connectClusters: [{ ...INDEXING, exactlyOnceSource: true }], connectors: [CDC, DOCUMENT_SINK] }))
  .connect as ResolvedConnect;

/** Every topic the grants name, owned by search, plus one owned by another domain. */
const OWNERS: ReadonlyMap<string, string> = new Map([
  ['search.indexing.connect-configs', 'search'],
  ['search.indexing.connect-offsets', 'search'],
  ['search.indexing.connect-status', 'search'],
  ['search.document-changed', 'catalog'],
  ['search.document-index.dlq', 'search'],
]);

const PLAIN: AclOptions = { explicitDescribe: false, legacyIdempotentWrite: false };

const show = (needs: readonly AclNeed[]): string[] =>
  needs.map(({ binding: b, domain, why }) => {
    expect(b).toMatchObject({ host: '*', permission: 'Allow' });
    return `${domain} ${b.principal} ${b.operation} ${b.resourceType} ${b.resourceName} ${b.patternType}: ${why}`;
  });

const WORKER = 'connect cluster search.indexing (search-connect)';
const SOURCE = 'source connector search.indexing/catalog-cdc (search-connect)';
const SINK = 'sink connector search.indexing/document-index (search-connect)';

describe('connectAclNeeds', () => {
  it('is nothing without Connect declarations', () => {
    expect(connectAclNeeds(undefined, OWNERS, PLAIN)).toEqual([]);
  });

  it('grants the worker, an exactly-once source and a sink what the Connect docs list, each in the owner’s stack with its reason', () => {
    expect(show(connectAclNeeds(CONNECT, OWNERS, PLAIN))).toEqual([
      `search User:search-connect Read Group search.indexing Literal: ${WORKER} workers join their group`,
      `search User:search-connect Read Topic search.indexing.connect-configs Literal: ${WORKER} keeps its config storage in search.indexing.connect-configs`,
      `search User:search-connect Write Topic search.indexing.connect-configs Literal: ${WORKER} keeps its config storage in search.indexing.connect-configs`,
      `search User:search-connect Read Topic search.indexing.connect-offsets Literal: ${WORKER} keeps its offset storage in search.indexing.connect-offsets`,
      `search User:search-connect Write Topic search.indexing.connect-offsets Literal: ${WORKER} keeps its offset storage in search.indexing.connect-offsets`,
      `search User:search-connect Read Topic search.indexing.connect-status Literal: ${WORKER} keeps its status storage in search.indexing.connect-status`,
      `search User:search-connect Write Topic search.indexing.connect-status Literal: ${WORKER} keeps its status storage in search.indexing.connect-status`,
      `search User:search-connect Write TransactionalID connect-cluster-search.indexing Literal: ${WORKER} leader writes the config topic transactionally as connect-cluster-search.indexing`,
      `catalog User:catalog-cdc Write Topic search.document-changed Literal: ${SOURCE} writes search.document-changed`,
      `search User:catalog-cdc Write TransactionalID search.indexing-catalog-cdc- Prefixed: ${SOURCE} tasks use transactional ids search.indexing-catalog-cdc-*`,
      `search User:catalog-cdc Describe Topic search.indexing.connect-offsets Literal: ${SOURCE} checks its offsets topic search.indexing.connect-offsets (exactly-once)`,
      `search User:document-index Read Group connect-document-index Literal: ${SINK} joins its group`,
      `catalog User:document-index Read Topic search.document-changed Literal: ${SINK} reads search.document-changed`,
      `search User:document-index Write Topic search.document-index.dlq Literal: ${SINK} dead-letters to search.document-index.dlq`,
    ]);
  });

  it('adds Cluster IdempotentWrite for the worker and the exactly-once source on brokers before 2.8', () => {
    const added = show(connectAclNeeds(CONNECT, OWNERS, { ...PLAIN, legacyIdempotentWrite: true })).filter((n) => n.includes('IdempotentWrite'));
    expect(added).toEqual([
      `search User:search-connect IdempotentWrite Cluster kafka-cluster Literal: ${WORKER} uses exactly-once source support on a broker older than 2.8`,
      `search User:catalog-cdc IdempotentWrite Cluster kafka-cluster Literal: ${SOURCE} is exactly-once on a broker older than 2.8`,
    ]);
  });

  it('adds Describe after each topic grant with explicitDescribe, once where Describe is the grant', () => {
    const topicGrants = show(connectAclNeeds(CONNECT, OWNERS, { ...PLAIN, explicitDescribe: true }))
      .filter((n) => n.includes(' Topic '))
      .map((n) => n.slice(0, n.indexOf(' Literal:')));
    expect(topicGrants).toEqual([
      'search User:search-connect Read Topic search.indexing.connect-configs',
      'search User:search-connect Write Topic search.indexing.connect-configs',
      'search User:search-connect Describe Topic search.indexing.connect-configs',
      'search User:search-connect Read Topic search.indexing.connect-offsets',
      'search User:search-connect Write Topic search.indexing.connect-offsets',
      'search User:search-connect Describe Topic search.indexing.connect-offsets',
      'search User:search-connect Read Topic search.indexing.connect-status',
      'search User:search-connect Write Topic search.indexing.connect-status',
      'search User:search-connect Describe Topic search.indexing.connect-status',
      'catalog User:catalog-cdc Write Topic search.document-changed',
      'catalog User:catalog-cdc Describe Topic search.document-changed',
      'search User:catalog-cdc Describe Topic search.indexing.connect-offsets',
      'catalog User:document-index Read Topic search.document-changed',
      'catalog User:document-index Describe Topic search.document-changed',
      'search User:document-index Write Topic search.document-index.dlq',
      'search User:document-index Describe Topic search.document-index.dlq',
    ]);
  });

  it('grants nothing on a topic it does not know the owner of (resolve reports it)', () => {
    const owners = new Map([...OWNERS].filter(([name]) => name !== 'search.document-changed'));
    expect(show(connectAclNeeds(CONNECT, owners, PLAIN)).filter((n) => n.includes('search.document-changed'))).toEqual([]);
  });

  it('needs no Describe on the offsets topic for a source connector running as the worker principal', () => {
    const connect = { ...CONNECT, connectors: CONNECT.connectors.map((k) => (k.type === 'source' ? { ...k, principal: 'User:search-connect' } : k)) };
    const source = show(connectAclNeeds(connect, OWNERS, PLAIN)).filter((n) => n.includes(SOURCE));
    expect(source).toEqual([
      `catalog User:search-connect Write Topic search.document-changed Literal: ${SOURCE} writes search.document-changed`,
      `search User:search-connect Write TransactionalID search.indexing-catalog-cdc- Prefixed: ${SOURCE} tasks use transactional ids search.indexing-catalog-cdc-*`,
    ]);
  });

  it('grants a source connector whose cluster is not among the clusters only its topic writes', () => {
    const connect = { ...CONNECT, clusters: [] };
    expect(show(connectAclNeeds(connect, OWNERS, { explicitDescribe: false, legacyIdempotentWrite: true })).filter((n) => n.includes(SOURCE))).toEqual([
      `catalog User:catalog-cdc Write Topic search.document-changed Literal: ${SOURCE} writes search.document-changed`,
    ]);
  });

  it('grants no group to a sink without one, and no dead-letter write without a dead-letter topic', () => {
    const connect = { ...CONNECT, connectors: CONNECT.connectors.map((k) => (k.type === 'sink' ? { ...k, groupId: null, deadLetter: null } : k)) };
    expect(show(connectAclNeeds(connect, OWNERS, PLAIN)).filter((n) => n.includes(SINK))).toEqual([
      `catalog User:document-index Read Topic search.document-changed Literal: ${SINK} reads search.document-changed`,
    ]);
  });
});
