// What each kind of topic and ACL change tells the reviewer, beyond its verdict: the rule, the title with the values
// on both sides, the one-line before → after, the Key | Current | New rows, and the reason where it depends on the
// context (ordering, production, the declared transactional producers). Built on the committed seed (a real synth of
// the app: prod-orders, prod-search and dev).
import { describe, expect, it } from 'vitest';
import { parseOutput } from '../../review/parse';
import { review } from '../../review/review';
import type { Finding } from '../../review/types';
import { allow, MutableOutput } from './corpus/output';
import type { MutableStack } from './corpus/output';

const ORDERS = 'orders.order-created';
const DOCS = 'search.document-changed';
const PAYMENT_DLQ = `${ORDERS}.payment.dlq`;

/** The findings of base → head, where both start from the seed and `base`/`head` edit one stack each. */
function findings(stack: string, head: (s: MutableStack) => void, base: (s: MutableStack) => void = () => {}): readonly Finding[] {
  const before = MutableOutput.seed([stack]);
  base(before.stack(stack));
  const after = before.clone();
  head(after.stack(stack));
  return review({ base: parseOutput('base', before.files('base')), head: parseOutput('head', after.files('head')) }).findings;
}

const only = (list: readonly Finding[]): Finding => {
  expect(list.map((f) => f.id)).toHaveLength(1);
  return list[0] as Finding;
};

const shape = (f: Finding): Pick<Finding, 'verdict' | 'rule' | 'title' | 'before' | 'after' | 'rows'> => ({
  verdict: f.verdict,
  rule: f.rule,
  title: f.title,
  before: f.before,
  after: f.after,
  rows: f.rows,
});

describe('topic changes, as the reviewer reads them', () => {
  it('partitions up on a per-key ordered topic: WARN, and says per-key ordering breaks', () => {
    const f = only(findings('prod-orders', (s) => s.setPartitions(ORDERS, 48)));
    expect(shape(f)).toEqual({
      verdict: 'WARN',
      rule: 'partitions-increased',
      title: `partitions of ${ORDERS} increased from 24 to 48`,
      before: '24',
      after: '48',
      rows: [{ key: 'partitions', current: '24', new: '48' }],
    });
    expect(f.reason).toMatch(/per-key ordering breaks for in-flight keys/);
  });

  it('partitions up on a topic declared without per-key ordering: WARN, without the ordering warning', () => {
    const f = only(
      findings('prod-orders', (s) => {
        s.setPartitions(ORDERS, 48);
        const t = s.declaredTopic(ORDERS);
        if (t.kind === 'event') t.ordering = 'none';
      }).filter((x) => x.rule !== 'declaration-changed'),
    );
    expect(f.rule).toBe('partitions-increased');
    expect(f.reason).toMatch(/the topic declares no per-key ordering need, but consumers that keep per-partition state must rebuild it/);
    expect(f.reason).not.toMatch(/ordering breaks/);
  });

  it('replication down in production: BLOCK, saying it is production', () => {
    const f = only(findings('prod-orders', (s) => s.setReplication(ORDERS, 2)));
    expect(shape(f)).toEqual({
      verdict: 'BLOCK',
      rule: 'replication-decreased',
      title: `replication factor of ${ORDERS} decreased from 3 to 2`,
      before: '3',
      after: '2',
      rows: [{ key: 'replication_factor', current: '3', new: '2' }],
    });
    expect(f.reason).toMatch(/fewer broker losses, in a production environment$/);
  });

  it('replication down outside production: WARN, not saying production', () => {
    const f = only(
      findings(
        'dev',
        (s) => s.setReplication(ORDERS, 1),
        (s) => s.setReplication(ORDERS, 2),
      ),
    );
    expect([f.verdict, f.rule]).toEqual(['WARN', 'replication-decreased']);
    expect(f.reason).not.toMatch(/production/);
  });

  it('replication up: WARN, the reassignment loads the cluster', () => {
    const f = only(findings('prod-orders', (s) => s.setReplication(ORDERS, 4)));
    expect(shape(f)).toMatchObject({ verdict: 'WARN', rule: 'replication-increased', title: `replication factor of ${ORDERS} increased from 3 to 4` });
  });

  it('prevent_destroy added: SAFE; removed: WARN', () => {
    const added = only(findings('dev', (s) => s.setProtect(ORDERS, true)));
    expect(shape(added)).toEqual({
      verdict: 'SAFE',
      rule: 'protection-added',
      title: `prevent_destroy added to ${ORDERS}`,
      before: 'false',
      after: 'true',
      rows: [{ key: 'prevent_destroy', current: 'false', new: 'true' }],
    });
    const removed = only(findings('prod-orders', (s) => s.setProtect(ORDERS, false)));
    expect(shape(removed)).toMatchObject({
      verdict: 'WARN',
      rule: 'protection-removed',
      title: `prevent_destroy removed from ${ORDERS}`,
      before: 'true',
      after: 'false',
    });
  });

  it.each([
    ['compact → compact,delete: BLOCK, time-based deletion reaches the latest states', DOCS, 'compact', 'compact,delete', 'BLOCK', 'cleanup-compact-to-delete'],
    ['compact,delete → delete: WARN, the topic already deleted by time', DOCS, 'compact,delete', 'delete', 'WARN', 'cleanup-policy-changed'],
    ['delete → compact: WARN', ORDERS, 'delete', 'compact', 'WARN', 'cleanup-policy-changed'],
    ['delete → compact,delete: WARN', ORDERS, 'delete', 'compact,delete', 'WARN', 'cleanup-policy-changed'],
  ])('cleanup.policy %s', (_name, topic, from, to, verdict, rule) => {
    const stack = topic === DOCS ? 'prod-search' : 'prod-orders';
    const f = only(
      findings(
        stack,
        (s) => s.setConfig(topic, 'cleanup.policy', to),
        (s) => s.setConfig(topic, 'cleanup.policy', from),
      ),
    );
    expect(shape(f)).toEqual({
      verdict,
      rule,
      title: `cleanup.policy of ${topic} changed from ${from} to ${to}`,
      before: from,
      after: to,
      rows: [{ key: 'cleanup.policy', current: from, new: to }],
    });
  });

  it('retention within the window: WARN, saying the window is still covered; up: SAFE', () => {
    const down = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'retention.ms', '650000000')));
    expect(shape(down)).toEqual({
      verdict: 'WARN',
      rule: 'retention-decreased',
      title: `retention of ${ORDERS} decreased`,
      before: '693000000 (8d 30m)',
      after: '650000000 (7d 12h 33m 20s)',
      rows: [{ key: 'retention.ms', current: '693000000 (8d 30m)', new: '650000000 (7d 12h 33m 20s)' }],
    });
    expect(down.reason).toMatch(/\(the declared replay window of 7d is still covered\)/);
    const up = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'retention.ms', '-1')));
    expect(shape(up)).toMatchObject({ verdict: 'SAFE', rule: 'retention-increased', title: `retention of ${ORDERS} increased` });
  });

  it('retention of a dead-letter topic (no replay window) cut: WARN, without a window to cover', () => {
    const f = only(findings('prod-orders', (s) => s.setConfig(PAYMENT_DLQ, 'retention.ms', '86400000')));
    expect([f.verdict, f.rule]).toEqual(['WARN', 'retention-decreased']);
    expect(f.reason).not.toMatch(/replay window/);
  });

  it('unlimited retention (-1) cut to any finite value is a decrease', () => {
    const f = only(
      findings(
        'prod-orders',
        (s) => s.setConfig(PAYMENT_DLQ, 'retention.ms', '3024000000'),
        (s) => s.setConfig(PAYMENT_DLQ, 'retention.ms', '-1'),
      ),
    );
    expect([f.verdict, f.rule]).toEqual(['WARN', 'retention-decreased']);
  });

  it('min.insync.replicas raised: WARN naming the replicas; lowered: WARN in production, SAFE elsewhere', () => {
    const raised = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'min.insync.replicas', '3')));
    expect(shape(raised)).toEqual({
      verdict: 'WARN',
      rule: 'min-insync-raised',
      title: `min.insync.replicas of ${ORDERS} raised from 2 to 3`,
      before: '2',
      after: '3',
      rows: [{ key: 'min.insync.replicas', current: '2', new: '3' }],
    });
    expect(raised.reason).toMatch(/fewer than 3 of 3 replicas are in sync/);
    const lowered = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'min.insync.replicas', '1')));
    expect(shape(lowered)).toMatchObject({ verdict: 'WARN', rule: 'min-insync-lowered', title: `min.insync.replicas of ${ORDERS} lowered from 2 to 1` });
    const dev = only(
      findings(
        'dev',
        (s) => s.setConfig(ORDERS, 'min.insync.replicas', '1'),
        (s) => s.setReplication(ORDERS, 3).setConfig(ORDERS, 'min.insync.replicas', '2'),
      ),
    );
    expect([dev.verdict, dev.rule]).toEqual(['SAFE', 'min-insync-lowered']);
  });

  it('retention.bytes set (from unlimited) or lowered: WARN; raised: a config change', () => {
    const set = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'retention.bytes', '1000000000')));
    expect(shape(set)).toMatchObject({ verdict: 'WARN', rule: 'retention-bytes-decreased', title: `retention.bytes of ${ORDERS} lowered` });
    const raised = only(
      findings(
        'prod-orders',
        (s) => s.setConfig(ORDERS, 'retention.bytes', '2000000000'),
        (s) => s.setConfig(ORDERS, 'retention.bytes', '1000000000'),
      ),
    );
    expect(shape(raised)).toEqual({
      verdict: 'SAFE',
      rule: 'config-changed',
      title: `config of ${ORDERS} changed: retention.bytes`,
      before: 'retention.bytes',
      after: 'changed',
      rows: [{ key: 'retention.bytes', current: '1000000000 (953.7 MiB)', new: '2000000000 (1.9 GiB)' }],
    });
  });

  it('delete.retention.ms lowered on a compacted topic: WARN; raised, or lowered on a delete-only topic: a config change', () => {
    const lowered = only(findings('prod-search', (s) => s.setConfig(DOCS, 'delete.retention.ms', '3600000')));
    expect(shape(lowered)).toMatchObject({ verdict: 'WARN', rule: 'delete-retention-decreased', title: `delete.retention.ms of ${DOCS} lowered` });
    const raised = only(findings('prod-search', (s) => s.setConfig(DOCS, 'delete.retention.ms', '259200000')));
    expect([raised.verdict, raised.rule]).toEqual(['SAFE', 'config-changed']);
    const deleteOnly = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'delete.retention.ms', '3600000')));
    expect([deleteOnly.verdict, deleteOnly.rule]).toEqual(['SAFE', 'config-changed']);
  });

  it('max.message.bytes lowered: WARN; raised: a config change', () => {
    const lowered = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'max.message.bytes', '100000')));
    expect(shape(lowered)).toMatchObject({ verdict: 'WARN', rule: 'max-message-bytes-decreased', title: `max.message.bytes of ${ORDERS} lowered` });
    const raised = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'max.message.bytes', '2000000')));
    expect([raised.verdict, raised.rule]).toEqual(['SAFE', 'config-changed']);
  });

  it('gathers the other config changes of one topic into one SAFE finding, keys listed', () => {
    // Keys in the order synth writes them (sorted), a key the stack did not set shown as the broker default.
    const f = only(findings('prod-orders', (s) => s.setConfig(ORDERS, 'compression.type', 'zstd').setConfig(ORDERS, 'segment.ms', '3600000')));
    expect(shape(f)).toEqual({
      verdict: 'SAFE',
      rule: 'config-changed',
      title: `config of ${ORDERS} changed: compression.type, segment.ms`,
      before: 'compression.type, segment.ms',
      after: 'changed',
      rows: [
        { key: 'compression.type', current: '— (broker default)', new: 'zstd' },
        { key: 'segment.ms', current: '— (broker default)', new: '3600000 (1h)' },
      ],
    });
  });

  it('a dead-letter topic deleted after its group stopped reading the parent topic: a topic deletion, not a DLQ removal', () => {
    const list = findings('prod-orders', (s) => {
      s.removeTopic(PAYMENT_DLQ);
      for (const sub of s.group('orders.payment').subscriptions) sub.topic = { domain: 'orders', event: 'order-paid' };
    });
    expect(list.find((f) => f.subject.kind === 'topic')).toMatchObject({
      verdict: 'BLOCK',
      rule: 'topic-deleted',
      title: `topic ${PAYMENT_DLQ} deleted`,
      after: '(deleted)',
    });
  });
});

describe('ACL changes, as the reviewer reads them', () => {
  const added = (binding: Parameters<MutableStack['addAcl']>[0], neededBy?: string[]): Finding =>
    only(findings('prod-orders', (s) => s.addAcl(binding, neededBy)).filter((f) => f.subject.kind === 'acl'));

  it('a new literal ACL of a principal of the domain: SAFE, with the principal, operation, resource and host as rows', () => {
    const f = added(allow('User:order-service', 'Read', 'Topic', ORDERS));
    expect(shape(f)).toEqual({
      verdict: 'SAFE',
      rule: 'acl-added',
      title: `new ACL User:order-service Read on Topic ${ORDERS}`,
      before: '—',
      after: 'granted',
      rows: [
        { key: 'principal', current: '—', new: 'User:order-service' },
        { key: 'operation', current: '—', new: 'Allow Read' },
        { key: 'resource', current: '—', new: `Topic ${ORDERS} (Literal)` },
        { key: 'host', current: '—', new: '*' },
      ],
    });
  });

  it('a new literal ACL of a principal no declaration uses: WARN, as its access change is (one verdict per change)', () => {
    const f = added(allow('User:audit', 'Read', 'Topic', ORDERS));
    expect(f).toMatchObject({ verdict: 'WARN', rule: 'acl-added', title: `new ACL User:audit Read on Topic ${ORDERS}` });
    expect(f.reason).toContain('WARN as its access change (Access changes): User:audit gains Read on topic orders.order-created');
  });

  it.each([
    ['a wildcard principal', allow('User:*', 'Read', 'Topic', ORDERS), 'wildcard-acl-added'],
    ['a wildcard resource', allow('User:audit', 'Read', 'Topic', '*'), 'wildcard-acl-added'],
    ['a Deny', { ...allow('User:audit', 'Read', 'Topic', ORDERS), permission: 'Deny' as const }, 'deny-acl-added'],
    ['a prefixed topic ACL', allow('User:audit', 'Read', 'Topic', 'orders.', 'Prefixed'), 'prefixed-acl-added'],
    [
      'a prefixed transactional id no declared producer uses',
      allow('User:order-service', 'Write', 'TransactionalID', 'order-service-tx-', 'Prefixed'),
      'prefixed-acl-added',
    ],
  ])('%s: WARN', (_name, binding, rule) => {
    expect([added(binding).verdict, added(binding).rule]).toEqual(['WARN', rule]);
  });

  it('a prefixed transactional id of a declared transactional producer: SAFE', () => {
    const list = findings('prod-orders', (s) => {
      s.producer('order-service', ORDERS).transactionalIdPrefix = 'order-service-tx-';
      s.addAcl(allow('User:order-service', 'Write', 'TransactionalID', 'order-service-tx-', 'Prefixed'));
    });
    expect(list.filter((f) => f.subject.kind === 'acl').map((f) => [f.verdict, f.rule])).toEqual([['SAFE', 'acl-added']]);
  });

  it('the same prefix for another principal than the transactional producer: WARN', () => {
    const list = findings('prod-orders', (s) => {
      s.producer('order-service', ORDERS).transactionalIdPrefix = 'order-service-tx-';
      s.addAcl(allow('User:intruder', 'Write', 'TransactionalID', 'order-service-tx-', 'Prefixed'));
    });
    expect(list.filter((f) => f.subject.kind === 'acl').map((f) => [f.verdict, f.rule])).toEqual([['WARN', 'prefixed-acl-added']]);
  });

  it('an ACL nobody needs any more, removed: WARN, naming who needed it', () => {
    const f = only(
      findings('prod-orders', (s) => {
        s.removeAcl(`User:notification-service|*|Write|Allow|Topic|${ORDERS}.notification.dlq|Literal`);
        const g = s.group('orders.notification');
        g.deadLetter = false;
        for (const sub of g.subscriptions) sub.deadLetterTopic = null;
      }).filter((x) => x.subject.kind === 'acl'),
    );
    expect(shape(f)).toMatchObject({ verdict: 'WARN', rule: 'access-removed', before: 'granted', after: '(removed)' });
    expect(f.rows[0]).toEqual({ key: 'principal', current: 'User:notification-service', new: '(removed)' });
    expect(f.reason).toMatch(
      /^no declaration needs it any more \(it was needed by: consumer group orders\.notification .+\); clients still using it are denied/,
    );
  });
});

describe('Kafka Streams application access, as the reviewer reads it', () => {
  const TOTALS_READ = `User:order-totals|*|Read|Allow|Topic|${ORDERS}|Literal`;

  it('its input READ removed while the application is declared: BLOCK, like a consumer group’s', () => {
    const f = only(findings('prod-orders', (s) => void s.removeAcl(TOTALS_READ)).filter((x) => x.subject.kind === 'acl'));
    expect(f).toMatchObject({ verdict: 'BLOCK', rule: 'acl-removed-still-needed' });
    expect(f.reason).toContain('streams application orders.order-totals (order-totals) reads orders.order-created');
  });

  it('its prefixed internal-topic grant removed while declared: BLOCK', () => {
    const id = 'User:order-totals|*|Create|Allow|Topic|orders.order-totals-|Prefixed';
    const f = only(findings('prod-orders', (s) => void s.removeAcl(id)).filter((x) => x.subject.kind === 'acl'));
    expect(f).toMatchObject({ verdict: 'BLOCK', rule: 'acl-removed-still-needed' });
  });
});
