/** The generated files: readable, formatted like topics/, deterministic, never clobbering the topics folder's own files. */
import { describe, expect, it } from 'vitest';
import { domainFunctionName, domainModule, generateFiles, numberLiteral, quote } from '../../importer/generate/typescript';
import { planImport } from '../../importer/plan/plan';
import type { ImportPlan } from '../../importer/plan/types';
import { buildSnapshot, type InputFile } from '../../importer/snapshot';
import { DEV } from '../helpers/synth';
import { own } from './helpers/fixtures';
import { acl, consumerAcls, dlqConfig, retryConfig, snapshot, topic } from './helpers/snapshot-builders';

const PROD = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };
const input = (path: string): InputFile => ({ file: path, text: own(path) });

function handmadePlan(reversed = false): ImportPlan {
  const [describeFile, configsFile, aclsFile] = [
    input('handmade/topics-describe.txt'),
    input('handmade/configs-describe-all.txt'),
    input('handmade/acls-list.txt'),
  ];
  // Any listing order is possible: reverse the order of the ACL blocks.
  const acls = reversed ? { ...aclsFile, text: aclsFile.text.split('\n\n').reverse().join('\n\n') } : aclsFile;
  const result = planImport(buildSnapshot({ topicsDescribe: [describeFile], configs: [configsFile], acls: [acls] }), { environment: PROD });
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('generateFiles', () => {
  it('writes one file per domain, an index and the adopt list', () => {
    expect(generateFiles(handmadePlan()).map((f) => f.path)).toEqual([
      'topics/audit.ts',
      'topics/inventory.ts',
      'topics/orders.ts',
      'topics/shipping.ts',
      'topics/unassigned.ts',
      'topics/imported.ts',
      'adopted/prod.json',
    ]);
  });

  it('is byte-identical whatever the order of the input', () => {
    expect(generateFiles(handmadePlan(true))).toEqual(generateFiles(handmadePlan()));
  });

  it('is formatted: two-space indentation, no tabs, no trailing spaces, a final newline', () => {
    for (const f of generateFiles(handmadePlan())) {
      expect(f.content.endsWith('\n')).toBe(true);
      expect(f.content).not.toMatch(/\t/);
      expect(f.content).not.toMatch(/ +\n/);
      expect(
        f.content
          .split('\n')
          .filter((l) => /^ +/.test(l))
          .every((l) => (/^ */.exec(l)?.[0].length ?? 0) % 2 === 0),
      ).toBe(true);
    }
  });

  it('writes declarations the way topics/ does: helpers, one comment per reconstructed value, exported function', () => {
    const orders = generateFiles(handmadePlan()).find((f) => f.path === 'topics/orders.ts')?.content ?? '';
    expect(orders).toContain("import { Domain, Duration, KafkaPrincipal, Replay, Retries } from '../constructs';");
    expect(orders).toContain('export function orders(scope: Construct): Domain {');
    expect(orders).toContain(
      "  // retention.ms 604800000 = replay window + margin 1d (imported groups state no tolerated lag)\n  const orderCreated = domain.addEventTopic('order-created', {",
    );
    expect(orders).toContain(
      "  orderCreated.grantProduce(KafkaPrincipal.user('order-service'), { service: 'order-service', transactionalIdPrefix: 'order-service-tx-' });",
    );
    expect(orders).toContain('    retries: Retries.tiers(Duration.seconds(30)),');
    // A dead-letter topic of a hand-made shape is declared as it is, not left unmanaged.
    expect(orders).toContain('    deadLetter: { partitions: 6 }, // the shape of its dead-letter topics on the cluster');
    expect(orders).not.toContain('Left on the cluster');
  });

  it('writes an explicit topicName, a compact,delete replay and the broker-level configs of the adopt list', () => {
    const files = generateFiles(handmadePlan());
    const unassigned = files.find((f) => f.path === 'topics/unassigned.ts')?.content ?? '';
    expect(unassigned).toContain("    topicName: 'Payments_Legacy.Settled',");
    const inventory = files.find((f) => f.path === 'topics/inventory.ts')?.content ?? '';
    expect(inventory).toMatch(/replay: Replay\.full\(\{ longestReindex: Duration\.\w+\(\d+\), expireAfter: Duration\.days\(2\) \}\),/);
    const adopt = JSON.parse(files.find((f) => f.path === 'adopted/prod.json')?.content ?? '{}') as { brokerDefaults?: Record<string, Record<string, string>> };
    expect(adopt.brokerDefaults?.['orders.order-shipped']).toEqual({ 'cleanup.policy': 'delete', 'min.insync.replicas': '2' });
  });

  it('keeps a 249-character topic name but not as a 249-character variable', () => {
    const audit = generateFiles(handmadePlan()).find((f) => f.path === 'topics/audit.ts')?.content ?? '';
    const name = handmadePlan().adopt.topics.find((t) => t.startsWith('audit.')) ?? '';
    expect(name).toHaveLength(249);
    expect(audit).toContain(`domain.addEventTopic(${quote(name.slice('audit.'.length))}, {`);
    expect(audit).toMatch(/const (\w{1,40}) = domain\.addEventTopic/);
  });

  it('writes the adopt list sorted, as KafkaStackProps.adopt wants it', () => {
    const plan = handmadePlan();
    const adopt = JSON.parse(generateFiles(plan).find((f) => f.path === 'adopted/prod.json')?.content ?? '{}') as { topics: string[]; acls: string[] };
    expect(adopt.topics).toEqual([...plan.adopt.topics].sort());
    expect(adopt.acls).toEqual([...plan.adopt.acls].sort());
    expect(adopt.acls.every((id) => id.split('|').length === 7)).toBe(true);
  });

  it('writes Retries.exponential when the tiers double, and declares deadLetter: false only when there is none', () => {
    const created = topic('orders.order-created', 6, 1, { 'cleanup.policy': 'delete', 'min.insync.replicas': '1', 'retention.ms': String(8 * 86_400_000) });
    const retries = [1, 2, 3].map((n) => topic(`orders.order-created.payment.retry-${n}`, 6, 1, retryConfig(1000 * 2 ** (n - 1))));
    const dlq = topic('orders.order-created.payment.dlq', 3, 1, dlqConfig());
    const plan = planImport(
      snapshot([created, dlq, ...retries], consumerAcls('User:payment-service', 'orders.payment', created.name, [dlq.name, ...retries.map((r) => r.name)])),
      { environment: DEV },
    );
    if ('error' in plan) throw new Error(plan.error);
    const file = generateFiles(plan)[0]?.content ?? '';
    expect(file).toContain('retries: Retries.exponential({ attempts: 3, first: Duration.seconds(1) }),');
    expect(file).not.toContain('deadLetter');
  });

  it("never names a domain file after the topics folder's own files, and never exports a reserved word", () => {
    expect(domainModule('index')).toBe('index-domain');
    expect(domainModule('imported')).toBe('imported-domain');
    expect(domainModule('orders')).toBe('orders');
    expect(domainFunctionName('delete')).toBe('deleteDomain');
    expect(domainFunctionName('order-history')).toBe('orderHistory');
    const plan = planImport(
      snapshot([topic('index.page-viewed', 1, 1, { 'retention.ms': String(8 * 86_400_000) })], [acl('User:web', 'Write', 'Topic', 'index.page-viewed')]),
      { environment: DEV },
    );
    if ('error' in plan) throw new Error(plan.error);
    const files = generateFiles(plan);
    expect(files.map((f) => f.path)).toContain('topics/index-domain.ts');
    expect(files.find((f) => f.path === 'topics/imported.ts')?.content).toContain("import { index } from './index-domain';");
  });

  it.each([
    [5_000_000, '5_000_000'],
    [9_999, '9999'],
    [24, '24'],
  ])('writes %d as %s', (n, text) => {
    expect(numberLiteral(n)).toBe(text);
  });

  it('quotes strings safely', () => {
    expect(quote("it's a \\ test")).toBe("'it\\'s a \\\\ test'");
  });
});
