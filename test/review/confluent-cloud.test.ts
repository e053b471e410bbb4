/**
 * Review on platform confluent-cloud reads the Confluent resources back into the Kafka model (review/confluent.ts): an
 * unchanged output has no findings; a removed `confluent_kafka_acl` or `confluent_role_binding` that a declared client
 * still needs is BLOCK by the same rule as a removed Kafka ACL; a removed topic is judged as on any cluster.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOutput } from '../../cli/commands/review';
import type { EnvironmentInput } from '../../model/schema';
import { review } from '../../review/review';
import { CONFLUENT, withConfluent } from '../model/confluent/fixture';
import { synthShop } from '../helpers/shop';

const work = mkdtempSync(join(tmpdir(), 'topicform-review-confluent-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const output = (name: string, environment: EnvironmentInput): string => synthShop(join(work, name), environment);

type StackJson = { resource: Record<string, Record<string, Record<string, unknown>>> };

/** A copy of `dir` whose stack JSON `edit` changed (the topology.json stays: the declarations still need everything). */
function edited(dir: string, name: string, edit: (json: StackJson) => void): string {
  const copy = join(work, name);
  cpSync(dir, copy, { recursive: true });
  const file = join(copy, 'stacks', 'cloud', 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return copy;
}

const findings = (base: string, head: string): string[] =>
  review({ base: readOutput(base, 'base'), head: readOutput(head, 'head'), plans: [] }).findings.map((f) => `${f.verdict} ${f.rule} ${f.title} ${f.reason}`);

describe('review on Confluent Cloud, ACL mode', () => {
  const base = output('acls', CONFLUENT);

  it('finds nothing between two identical outputs', () => {
    expect(findings(base, base)).toEqual([]);
  });

  it('blocks a removed confluent_kafka_acl that consumer group shop.payment still needs', () => {
    const head = edited(base, 'acls-removed', (json) => {
      const acls = json.resource.confluent_kafka_acl ?? {};
      const [key] = Object.entries(acls).find(([, a]) => a.principal === 'User:sa-pay1' && a.resource_type === 'GROUP') ?? [];
      delete acls[String(key)];
    });
    const found = findings(base, head);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^BLOCK acl-removed-still-needed .*User:payment-service.*shop\.payment/);
  });

  it('flags a removed topic like on any cluster', () => {
    const head = edited(base, 'topic-removed', (json) => {
      const topics = json.resource.confluent_kafka_topic ?? {};
      const [key] = Object.entries(topics).find(([, t]) => t.topic_name === 'shop.order-created.notification.dlq') ?? [];
      delete topics[String(key)];
    });
    const found = findings(base, head);
    expect(found, found.join('\n')).toContainEqual(expect.stringMatching(/^BLOCK .*shop\.order-created\.notification\.dlq/));
  });
});

describe('review on Confluent Cloud, role bindings', () => {
  const base = output('role-bindings', withConfluent({ access: 'role-bindings' }));

  it('finds nothing between two identical outputs', () => {
    expect(findings(base, base)).toEqual([]);
  });

  it('blocks a removed DeveloperRead binding on the group that consumer group shop.payment still needs, by the ACL rule', () => {
    const head = edited(base, 'rb-removed', (json) => {
      const bindings = json.resource.confluent_role_binding ?? {};
      const [key] = Object.entries(bindings).find(([, b]) => b.principal === 'User:sa-pay1' && String(b.crn_pattern).endsWith('/group=shop.payment')) ?? [];
      delete bindings[String(key)];
    });
    const found = findings(base, head);
    // DeveloperRead on a group allows Read (needed: the group joins) and Describe (not declared: a warning).
    expect(found.filter((f) => f.startsWith('BLOCK'))).toEqual([
      expect.stringMatching(/^BLOCK acl-removed-still-needed .*User:payment-service.*Group.*shop\.payment/),
    ]);
    expect(found.filter((f) => !f.startsWith('BLOCK')).every((f) => f.startsWith('WARN access-removed'))).toBe(true);
  });
});
