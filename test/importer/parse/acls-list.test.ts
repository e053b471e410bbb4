import { describe, expect, it } from 'vitest';
import { parseAclsList, type ListedAcl } from '../../../importer/parse/acls-list';
import { describeWithSharedFixtures, own, shared, sharedFiles } from '../helpers/fixtures';

const brief = (a: ListedAcl): string => `${a.principal} ${a.host} ${a.permissionType} ${a.operation} ${a.resourceType}:${a.patternType}:${a.resourceName}`;

describe('parseAclsList: kafka-acls --list', () => {
  it('reads the ResourcePattern form (Kafka 2.1+), --add listings, mTLS principals with commas; skips removal prompts', () => {
    const result = parseAclsList(own('formats/acls-list-kafka-3.txt'));
    expect(result.acls.map(brief)).toEqual([
      'User:order-service * ALLOW WRITE TOPIC:LITERAL:orders.order-created',
      'User:order-service * ALLOW WRITE TOPIC:LITERAL:orders.order-created',
      'User:payment-service * ALLOW READ TOPIC:LITERAL:orders.order-created',
      'User:CN=reporting,OU=BI,O=Acme * ALLOW READ TOPIC:LITERAL:orders.order-created',
      'User:intern * DENY WRITE TOPIC:LITERAL:orders.order-created',
      'User:payment-service * ALLOW READ GROUP:LITERAL:orders.payment',
      'User:analytics 10.0.0.7 ALLOW DESCRIBE_CONFIGS TOPIC:PREFIXED:orders.',
      'User:order-service * ALLOW WRITE TRANSACTIONAL_ID:PREFIXED:order-service-tx-',
      'User:* * ALLOW IDEMPOTENT_WRITE CLUSTER:LITERAL:kafka-cluster',
      'User:token-admin * ALLOW CREATE_TOKENS USER:LITERAL:alice',
    ]);
    expect(result.skippedLines.map((s) => s.line)).toEqual([25, 26, 27, 28]);
    expect(result.unknownLines).toEqual([{ line: 29, text: 'Warning: a line no kafka-acls version prints' }]);
  });

  it('reads the Kafka 2.0 form: `Type:PATTERN:name` and "has Allow permission for operations" entries', () => {
    const result = parseAclsList(own('formats/acls-list-kafka-2.0.txt'));
    expect(result.unknownLines).toEqual([]);
    expect(result.acls.map(brief)).toEqual([
      'User:order-service * ALLOW WRITE TOPIC:LITERAL:orders.order-created',
      'User:payment-service * ALLOW READ TOPIC:LITERAL:orders.order-created',
      'User:ops * ALLOW ALL GROUP:PREFIXED:orders.',
      'User:order-service * ALLOW WRITE TRANSACTIONAL_ID:LITERAL:order-service-tx-1',
    ]);
  });

  it('reads the Kafka 1.1 form: `Type:name`, literal, DENY and host-bound entries', () => {
    const result = parseAclsList(own('formats/acls-list-kafka-1.1.txt'));
    expect(result.unknownLines).toEqual([]);
    expect(result.acls.map(brief)).toEqual([
      'User:payment-service * ALLOW READ GROUP:LITERAL:orders.payment',
      'User:admin 10.0.0.1 DENY ALTER CLUSTER:LITERAL:kafka-cluster',
      'User:order-service * ALLOW IDEMPOTENT_WRITE CLUSTER:LITERAL:kafka-cluster',
    ]);
  });
});

const SHARED_COUNTS: Readonly<Record<string, number>> = {
  'acls-add-single-exact-whitespace-vradnit.txt': 2,
  'acls-add-then-list-tabs-vdesabou-issue7278.txt': 10,
  'acls-add-topic-and-group-exact-whitespace-vradnit.txt': 5,
  'acls-list-group-principal-vdesabou.txt': 5,
  'acls-list-literal-star-in-name-blackmetalz.txt': 6,
  'acls-list-multi-resource-blackmetalz.txt': 10,
  'acls-list-prefixed-blackmetalz.txt': 4,
  'acls-list-tabs-vdesabou-issue7275.txt': 9,
  'acls-remove-confirm-then-list-blackmetalz.txt': 2,
};

describeWithSharedFixtures('parseAclsList on real output (../shared/fixtures/kafka-cli)', () => {
  it('has an expectation for every shared kafka-acls sample', () => {
    expect(sharedFiles('kafka-cli', 'acls-')).toEqual(Object.keys(SHARED_COUNTS).sort());
  });

  it.each(Object.entries(SHARED_COUNTS))('reads every entry of %s (%i) and no line is left unknown', (file, count) => {
    const result = parseAclsList(shared(`kafka-cli/${file}`));
    expect(result.unknownLines).toEqual([]);
    expect(result.acls).toHaveLength(count);
  });

  it('keeps wildcards, hosts, prefixes and non-User principals as printed', () => {
    expect(parseAclsList(shared('kafka-cli/acls-list-multi-resource-blackmetalz.txt')).acls.map(brief).slice(0, 2)).toEqual([
      'User:test1 bin ALLOW ALL TOPIC:LITERAL:test',
      'User:* 10.3.48.54 ALLOW ALL CLUSTER:LITERAL:kafka-cluster',
    ]);
    expect(parseAclsList(shared('kafka-cli/acls-list-prefixed-blackmetalz.txt')).acls.every((a) => a.patternType === 'PREFIXED')).toBe(true);
    expect(parseAclsList(shared('kafka-cli/acls-list-group-principal-vdesabou.txt')).acls[0]?.principal).toBe('Group:KafkaDevelopers');
    expect(parseAclsList(shared('kafka-cli/acls-list-literal-star-in-name-blackmetalz.txt')).acls[0]?.resourceName).toBe('cluster_10_3_cluster_10_5_*');
  });

  it('does not count ACLs a removal prompt lists, and says why it skipped those lines', () => {
    const result = parseAclsList(shared('kafka-cli/acls-remove-confirm-then-list-blackmetalz.txt'));
    expect(result.acls.map(brief)).toEqual(['User:test1 * ALLOW ALL TOPIC:PREFIXED:test_', 'User:test1 * ALLOW ALL GROUP:PREFIXED:test_']);
    expect(result.skippedLines.map((s) => s.reason)).toContain('an ACL listed for removal');
  });
});
