// What the review shows for the changes the corpus only checks by verdict and id: the one-line before → after and
// the Key | Current | New rows of removals, moves, renames, suppressions, settings and new environments. Expected
// values are read off each scenario by hand (the seed's principals, topics and settings), not rebuilt with the
// review's own helpers.
import { describe, expect, it } from 'vitest';
import { parseOutput } from '../../review/parse';
import { review } from '../../review/review';
import type { Finding, ReviewResult } from '../../review/types';
import { corpusCase } from './corpus/cases';
import { MutableOutput } from './corpus/output';
import { runCase } from './corpus/run';

const NOTIFY_DLQ = 'orders.order-created.notification.dlq';
const OFFSETS_KEPT = 'kept until offsets.retention.minutes expires them (default 604800000 (7d))';

const shape = (f: Finding | undefined): Partial<Finding> => ({
  verdict: f?.verdict,
  title: f?.title,
  before: f?.before,
  after: f?.after,
  rows: f?.rows,
});
const byId = (r: ReviewResult, id: string): Finding | undefined => r.findings.find((f) => f.id === id);

describe('removals', () => {
  it('a consumer group with a DLQ: BLOCK in production, WARN in dev, its principal, subscriptions, offsets and DLQ shown', () => {
    const r = runCase(corpusCase('group-removed'));
    const rows = [
      { key: 'principal', current: 'User:notification-service', new: '(removed)' },
      { key: 'subscriptions', current: 'orders.order-created', new: '(removed)' },
      { key: 'offsets', current: 'committed', new: OFFSETS_KEPT },
      { key: 'DLQ', current: NOTIFY_DLQ, new: '(deleted with its records)' },
    ];
    const common = { title: 'consumer group orders.notification removed', before: 'orders.notification', after: '(removed)', rows };
    expect(shape(byId(r, 'prod-orders/group:orders.notification/group-removed'))).toEqual({ verdict: 'BLOCK', ...common });
    expect(shape(byId(r, 'dev/group:orders.notification/group-removed'))).toEqual({ verdict: 'WARN', ...common });
  });

  it('a sink connector: its group’s offsets and its DLQ; a source connector: the readers left without events', () => {
    const sink = byId(runCase(corpusCase('sink-connector-removed')), 'prod-search/connector:search.indexing/document-index/connector-removed');
    expect(shape(sink)).toEqual({
      verdict: 'BLOCK',
      title: 'sink connector document-index on search.indexing removed',
      before: 'search.indexing/document-index',
      after: '(removed)',
      rows: [
        { key: 'principal', current: 'User:search-document-sink', new: '(removed)' },
        { key: 'reads', current: 'search.document-changed', new: '(removed)' },
        { key: 'offsets', current: 'committed by connect-document-index', new: OFFSETS_KEPT },
        { key: 'DLQ', current: 'search.document-index.dlq', new: '(deleted with its records)' },
      ],
    });
    const source = runCase(corpusCase('source-connector-removed'));
    const rows = (readers: string, after: string): Finding['rows'] => [
      { key: 'principal', current: 'User:search-connect', new: '(removed)' },
      { key: 'writes', current: 'search.document-changed', new: '(removed)' },
      { key: 'readers', current: readers, new: after },
    ];
    expect(byId(source, 'prod-search/connector:search.indexing/catalog-cdc/connector-removed')?.rows).toEqual(
      rows('consumer group search.indexer, sink connector search.indexing/document-index', '(no more events)'),
    );
    // dev removes the readers too: nobody is left to starve.
    expect(byId(source, 'dev/connector:search.indexing/catalog-cdc/connector-removed')?.rows).toEqual(rows('—', '—'));
  });

  it('a topic left unmanaged and one imported: the topic’s settings on the side that has them', () => {
    const r = runCase(corpusCase('unmanaged-and-imported'));
    expect(shape(byId(r, 'dev/orders.order-created.payment.retry-3/left-unmanaged'))).toEqual({
      verdict: 'WARN',
      title: 'topic orders.order-created.payment.retry-3 left on the cluster, unmanaged',
      before: '2 partitions, replication 1',
      after: 'unmanaged',
      rows: [
        { key: 'partitions', current: '2', new: '(deleted)' },
        { key: 'replication_factor', current: '1', new: '(deleted)' },
        { key: 'cleanup.policy', current: 'delete', new: '(deleted)' },
        { key: 'min.insync.replicas', current: '1', new: '(deleted)' },
        // The third retry waits 4 s: its retention is the 7-day window plus that delay.
        { key: 'retention.ms', current: '604804000 (7d 4s)', new: '(deleted)' },
      ],
    });
    expect(shape(byId(r, 'dev/orders.audit/imported'))).toEqual({
      verdict: 'SAFE',
      title: 'topic orders.audit imported',
      before: '—',
      after: '2 partitions, replication 1',
      rows: [
        { key: 'partitions', current: '—', new: '2' },
        { key: 'replication_factor', current: '—', new: '1' },
        { key: 'cleanup.policy', current: '—', new: 'delete' },
        { key: 'min.insync.replicas', current: '—', new: '1' },
        { key: 'retention.ms', current: '—', new: '2419200000 (28d)' },
      ],
    });
  });
});

describe('moves and renames', () => {
  it('a topic moved between stacks with removed + import: MOVE, from one stack to the other at the same address', () => {
    const r = runCase(corpusCase('stack-move'));
    expect(shape(byId(r, `prod-search/${NOTIFY_DLQ}/stack-moved`))).toEqual({
      verdict: 'MOVE',
      title: `topic ${NOTIFY_DLQ} moves from stack prod-orders to stack prod-search`,
      before: 'prod-orders',
      after: 'prod-search',
      rows: [
        { key: 'stack', current: 'prod-orders', new: 'prod-search' },
        { key: 'address', current: 'kafka_topic.orders_order-created_notification_dlq', new: 'kafka_topic.orders_order-created_notification_dlq' },
      ],
    });
    const acl = (operation: string, type: string, name: string): string => `ACL User:notification-service ${operation} on ${type} ${name}`;
    const titles = r.findings.filter((f) => f.subject.kind === 'acl').map((f) => `${f.verdict} ${f.stack} ${f.title}`);
    expect(titles).toEqual([
      `BLOCK prod-orders ${acl('Read', 'Topic', NOTIFY_DLQ)} moves from stack prod-orders to stack prod-search, and prod-orders deletes it`,
      `WARN prod-search ${acl('Read', 'Group', 'orders.notification')} moves from stack prod-orders to stack prod-search without an import`,
      `MOVE prod-search ${acl('Write', 'Topic', NOTIFY_DLQ)} moves from stack prod-orders to stack prod-search`,
    ]);
  });

  it('an address changed, with and without a moved block', () => {
    const from = 'kafka_topic.search_document-changed_indexer_dlq';
    const to = 'kafka_topic.search_indexer_dlq';
    const rows = [{ key: 'address', current: from, new: to }];
    const title = `topic search.document-changed.indexer.dlq moves from ${from} to ${to}`;
    expect(shape(byId(runCase(corpusCase('address-changed')), 'dev/search.document-changed.indexer.dlq/address-changed'))).toEqual({
      verdict: 'BLOCK',
      title: `${title} without a moved block`,
      before: from,
      after: to,
      rows,
    });
    expect(shape(byId(runCase(corpusCase('address-moved')), 'dev/search.document-changed.indexer.dlq/address-moved'))).toEqual({
      verdict: 'SAFE',
      title,
      before: from,
      after: to,
      rows,
    });
  });

  it('a rename: the old and the new name; the group’s changed declaration cut to 59 characters and an ellipsis', () => {
    const r = runCase(corpusCase('topic-renamed'));
    expect(shape(byId(r, 'prod-search/search.document-changed/topic-renamed'))).toEqual({
      verdict: 'BLOCK',
      title: 'topic search.document-changed renamed to search.documents',
      before: 'search.document-changed',
      after: 'search.documents',
      rows: [{ key: 'name', current: 'search.document-changed', new: 'search.documents' }],
    });
    const declaration = byId(r, 'prod-search/group:search.indexer/declaration-changed');
    // The subscriptions as JSON, 189 characters: the one-line before → after shows their first 59.
    const head = '[{"deadLetterTopic":"search.document-changed.indexer.dlq","';
    expect(head).toHaveLength(59);
    expect(declaration?.before).toBe(`subscriptions: ${head}…`);
    expect(declaration?.after).toBe(`${head}…`);
    expect(declaration?.rows.map((row) => row.key)).toEqual(['subscriptions']);
    expect(declaration?.rows[0]?.new).toContain('"topicName":"search.documents"');
  });
});

describe('suppressions, settings and new environments', () => {
  it('a suppression: the rule and its reason as the new value, the rule in the id', () => {
    const r = runCase(corpusCase('suppression-added'));
    expect(shape(byId(r, 'prod-orders/group:orders.payment/suppression-added-TF-GROUP-003'))).toEqual({
      verdict: 'WARN',
      title: 'lint rule TF-GROUP-003 suppressed on consumer group orders.payment',
      before: '—',
      after: 'TF-GROUP-003: payments commit after the ledger write',
      rows: [{ key: 'suppression', current: '—', new: 'TF-GROUP-003: payments commit after the ledger write' }],
    });
  });

  it('one setting changed: the key and both values in the one line; several: how many', () => {
    /** The stack's kafka provider block, as its Terraform JSON holds it. */
    const kafka = (o: MutableOutput): Record<string, unknown> =>
      (o.stack('prod-orders').tf as unknown as { provider: { kafka: Record<string, unknown>[] } }).provider.kafka[0] ?? {};
    const base = MutableOutput.seed(['prod-orders']);
    const one = base.clone();
    kafka(one).tls_enabled = false;
    const r1 = review({ base: parseOutput('base', base.files('base')), head: parseOutput('head', one.files('head')) });
    expect(shape(byId(r1, 'prod-orders/stack/provider-changed'))).toMatchObject({
      verdict: 'BLOCK',
      before: 'kafka.tls_enabled: true',
      after: 'false',
      rows: [{ key: 'kafka.tls_enabled', current: 'true', new: 'false' }],
    });
    const two = one.clone();
    delete kafka(two).sasl_mechanism;
    const r2 = review({ base: parseOutput('base', base.files('base')), head: parseOutput('head', two.files('head')) });
    expect(shape(byId(r2, 'prod-orders/stack/provider-changed'))).toMatchObject({
      before: '—',
      after: '2 settings changed',
      rows: [
        { key: 'kafka.sasl_mechanism', current: '"scram-sha512"', new: '—' },
        { key: 'kafka.tls_enabled', current: 'true', new: 'false' },
      ],
    });
  });

  it('a new environment: WARN, each setting as `<part>: <key>` with nothing before it', () => {
    const r = review({
      base: parseOutput('base', MutableOutput.seed(['prod-orders']).files('base')),
      head: parseOutput('head', MutableOutput.seed(['prod-orders', 'dev']).files('head')),
    });
    const added = byId(r, 'dev/stack/environment-added');
    expect(added).toMatchObject({ verdict: 'WARN', before: '—', after: 'dev' });
    expect(added?.rows).toContainEqual({ key: 'required-providers: kafka.source', current: '—', new: '"mongey/kafka"' });
    // dev runs without TLS (its provider block says so).
    expect(added?.rows).toContainEqual({ key: 'provider: kafka.tls_enabled', current: '—', new: 'false' });
    expect(added?.rows.every((row) => row.current === '—' && /^[a-z-]+: /.test(row.key))).toBe(true);
  });
});
