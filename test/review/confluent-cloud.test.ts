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
import { parsePlan } from '../../review/parse';
import { review } from '../../review/review';
import { serviceAccountAddress } from '../../model/confluent/service-accounts';
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

/** `terraform show -json` with one resource change, in the shape terraform writes it. */
function plan(address: string, actions: string[], before: Record<string, unknown> | null, replacePaths?: string[][]) {
  const [type] = address.split('.');
  const change = {
    address,
    mode: 'managed',
    type,
    name: address.slice(String(type).length + 1),
    change: { actions, before, after: null, replace_paths: replacePaths },
  };
  return parsePlan('cloud', {
    file: 'cloud.plan.json',
    text: JSON.stringify({ format_version: '1.2', terraform_version: '1.11.0', resource_changes: [change] }),
  });
}

describe('review on Confluent Cloud with a plan', () => {
  it('puts a role binding delete on every finding about a grant of the binding (the BLOCK and the access-removed warnings)', () => {
    const base = output('rb-plan', withConfluent({ access: 'role-bindings' }));
    let removed: [string, Record<string, unknown>] | undefined;
    const head = edited(base, 'rb-plan-removed', (json) => {
      const bindings = json.resource.confluent_role_binding ?? {};
      removed = Object.entries(bindings).find(([, b]) => b.principal === 'User:sa-pay1' && String(b.crn_pattern).endsWith('/group=shop.payment'));
      delete bindings[String(removed?.[0])];
    });
    const address = `confluent_role_binding.${String(removed?.[0])}`;
    const r = review({ base: readOutput(base, 'base'), head: readOutput(head, 'head'), plans: [plan(address, ['delete'], { principal: 'User:sa-pay1' })] });
    expect(r.findings.length).toBeGreaterThan(1);
    for (const f of r.findings) {
      expect(
        f.plan.map((p) => [p.address, p.actions.join(',')]),
        f.id,
      ).toEqual([[address, 'delete']]);
    }
    expect(r.findings.filter((f) => f.rule.startsWith('plan-'))).toEqual([]);
  });

  it('judges a created service account that the plan replaces while its principal keeps its grants: WARN outside production, BLOCK in it', () => {
    for (const production of [false, true]) {
      const dir = output(
        `sa-plan-${String(production)}`,
        withConfluent({ createServiceAccounts: true, serviceAccounts: {} }, { production, layout: 'environment' }),
      );
      const address = `confluent_service_account.${serviceAccountAddress('User:payment-service')}`;
      const r = review({
        base: readOutput(dir, 'base'),
        head: readOutput(dir, 'head'),
        plans: [plan(address, ['delete', 'create'], { display_name: 'payment-service' }, [['display_name']])],
      });
      const [f] = r.findings;
      expect(r.findings.map((x) => x.id)).toEqual(['cloud/confluent_service_account:User:payment-service/plan-replace']);
      expect(f?.verdict).toBe(production ? 'BLOCK' : 'WARN');
      expect(f?.title).toBe('terraform plans to replace Confluent Cloud service account of User:payment-service');
      expect(f?.reason).toContain('because of display_name');
      expect(f?.reason).toContain('User:payment-service still has clients (payment-service)');
      expect(f?.plan.map((p) => p.address)).toEqual([address]);
    }
  });
});
