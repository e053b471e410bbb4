/**
 * Review with plans the real terraform made against the provider double for the example app's `confluent` and `msk`
 * stacks: what was deployed is the example's stack, applied; the head is that stack edited as a pull request would
 * change it; `terraform show -json` of its plan goes to review, whose findings must carry terraform's own actions
 * (replace with its replace_paths, update, delete) for Confluent Cloud topics and ACLs and for MSK IAM policies and
 * attachments, exactly as they do for the Mongey provider's kafka_topic and kafka_acl. Before review read these types,
 * every one of these findings had no plan row.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from '../../main';
import { environments } from '../../environments';
import { synthesize } from '../../cli/synth';
import { parseOutput, parsePlan } from '../../review/parse';
import { review } from '../../review/review';
import { renderText } from '../../review/render/text';
import type { Finding, ReviewResult } from '../../review/types';
import { describeWithTerraform } from '../double/terraform-suite';
import { createTerraformWorkspace, type WorkspaceOptions } from '../../scripts/terraform/workspace';
import { EXAMPLE_CONFLUENT_ENV } from '../helpers/example-confluent';

const work = mkdtempSync(join(tmpdir(), 'topicform-plan-evidence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument --
   the tests edit synthesized Terraform JSON and topology.json in place; terraform and review check what they read. */
type Json = Record<string, any>;

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** The head: a copy of the deployed stack directory, edited. */
function headOf(stackDir: string, name: string, edit: (tf: Json, topology: Json) => void): string {
  const dir = join(work, name);
  cpSync(stackDir, dir, { recursive: true });
  const tf = readJson(join(dir, 'cdk.tf.json'));
  const topology = readJson(join(dir, 'topology.json'));
  edit(tf, topology);
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(tf, null, 2));
  writeFileSync(join(dir, 'topology.json'), JSON.stringify(topology, null, 2));
  return dir;
}

const filesOf = (stack: string, dir: string) => [
  {
    stack,
    terraform: { file: join(dir, 'cdk.tf.json'), text: readFileSync(join(dir, 'cdk.tf.json'), 'utf8') },
    topology: { file: join(dir, 'topology.json'), text: readFileSync(join(dir, 'topology.json'), 'utf8') },
  },
];

/** Applies the base stack, plans the head against it, and reviews base → head with that plan. */
async function reviewWithPlan(stack: string, baseDir: string, headDir: string, options: Omit<WorkspaceOptions, 'stackDir'>): Promise<ReviewResult> {
  const workspace = await createTerraformWorkspace({ ...options, stackDir: baseDir, route: 'reattach' });
  try {
    await workspace.init();
    await workspace.apply();
    workspace.writeStack(readJson(join(headDir, 'cdk.tf.json')));
    await workspace.plan({ out: 'tfplan' });
    const shown = await workspace.run(['show', '-no-color', '-json', 'tfplan']);
    return review({
      base: parseOutput('base', filesOf(stack, baseDir)),
      head: parseOutput('head', filesOf(stack, headDir)),
      plans: [parsePlan(stack, { file: `${stack}.plan.json`, text: shown.stdout })],
    });
  } finally {
    await workspace.dispose();
  }
}

const finding = (r: ReviewResult, id: string): Finding => {
  const f = r.findings.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no finding ${id}; there are:\n${r.findings.map((x) => `${x.verdict} ${x.id}`).join('\n')}`);
  return f;
};
const planRows = (f: Finding) => f.plan.map((p) => ({ address: p.address, actions: p.actions, replacePaths: p.replacePaths }));

describeWithTerraform('review with terraform plans of the example Confluent Cloud and MSK IAM stacks', () => {
  const out = join(work, 'out');
  const synthesized = synthesize(buildApp, out);
  if (!synthesized.ok) throw new Error(synthesized.errors.join('\n'));

  it('confluent: a partitions_count decrease is a replacement forced by partitions_count, a removed ACL a delete, a config change an update', async () => {
    const base = join(out, 'stacks', 'confluent');
    const head = headOf(base, 'confluent-head', (tf) => {
      const topics = tf.resource.confluent_kafka_topic;
      const created = topics['orders_order-created'];
      created.partitions_count = 12;
      delete created.lifecycle; // prevent_destroy would make terraform refuse the replacement outright
      const acls = tf.resource.confluent_kafka_acl;
      const read = Object.keys(acls).find((k) => k.startsWith('acl_payment-service_Read_Topic_orders_order-created_') && !k.includes('payment_')) as string;
      delete acls[read];
      const searched = Object.values(topics as Record<string, Json>).find((t: Json) => t.topic_name === 'search.document-changed') as Json;
      searched.config['retention.ms'] = String(Number(searched.config['retention.ms']) * 2);
    });
    const r = await reviewWithPlan('confluent', base, head, { env: EXAMPLE_CONFLUENT_ENV });

    const replaced = { address: 'confluent_kafka_topic.orders_order-created', actions: ['delete', 'create'], replacePaths: ['partitions_count'] };
    expect(planRows(finding(r, 'confluent/orders.order-created/partitions-decreased'))).toEqual([replaced]);
    expect(planRows(finding(r, 'confluent/orders.order-created/protection-removed'))).toEqual([replaced]);
    const removed = finding(r, 'confluent/User:payment-service|*|Read|Allow|Topic|orders.order-created|Literal/acl-removed-still-needed');
    expect(removed.verdict).toBe('BLOCK');
    expect(planRows(removed)).toEqual([
      {
        address: expect.stringMatching(/^confluent_kafka_acl\.acl_payment-service_Read_Topic_orders_order-created_/) as string,
        actions: ['delete'],
        replacePaths: [],
      },
    ]);
    const retention = r.findings.find((f) => f.subject.kind === 'topic' && f.subject.name === 'search.document-changed');
    expect(retention && planRows(retention)).toEqual([
      { address: expect.stringMatching(/^confluent_kafka_topic\./) as string, actions: ['update'], replacePaths: [] },
    ]);
    // The plan explains itself: no change without a finding, so no plan-delete / plan-replace of its own.
    expect(r.findings.filter((f) => f.rule.startsWith('plan-'))).toEqual([]);
    expect(renderText(r)).toContain('replace (delete, then create), forced by partitions_count');
  }, 240_000);

  it('msk: a grant dropped from a policy shows the policy update; a role change replaces the attachment, BLOCK while the principal has clients', async () => {
    const base = join(out, 'stacks', 'msk');
    const arn = environments.find((e) => e.name === 'msk')?.auth?.aws?.clusterArn;
    const head = headOf(base, 'msk-head', (tf, topology) => {
      const dropGroup = (statements: Json[], actionsOf: (s: Json) => string[]) => statements.filter((s) => !actionsOf(s).includes('kafka-cluster:AlterGroup'));
      const policy = tf.resource.aws_iam_policy['order-totals'];
      const document = JSON.parse(policy.policy as string) as Json;
      document.Statement = dropGroup(document.Statement as Json[], (s) => s.Action as string[]);
      policy.policy = JSON.stringify(document);
      const declared = (topology.mskIam.policies as Json[]).find((p) => p.principal === 'User:order-totals') as Json;
      declared.statements = dropGroup(declared.statements as Json[], (s) => s.actions as string[]);
      // order-service's role is now orders-writer-v2: the attachment's role changes, which the provider replaces.
      tf.data.aws_iam_role['orders-writer'].name = 'orders-writer-v2';
      const attachment = (topology.mskIam.attachments as Json[]).find((a) => a.principal === 'User:order-service') as Json;
      attachment.role = 'orders-writer-v2';
      attachment.declared = 'arn:aws:iam::123456789012:role/kafka/orders-writer-v2';
    });
    const roles = Object.values(readJson(join(base, 'cdk.tf.json')).data.aws_iam_role as Json).map((r: Json) => r.name as string);
    const r = await reviewWithPlan('msk', base, head, {
      vars: { msk_cluster_arn: arn, kafka_bootstrap_servers: ['broker-1.test:9098'] },
      env: { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAFAKEKEY4TOPICFORM', AWS_SECRET_ACCESS_KEY: 'fake/secret+Zq8vN3kT0pic4orm' },
      awsAccount: { roles: [...roles, 'orders-writer-v2'] },
    });

    const group = finding(r, 'msk/iam:User:order-totals|kafka-cluster:AlterGroup|group|orders.order-totals|Literal/iam-grant-removed-still-needed');
    expect(group.verdict).toBe('BLOCK');
    expect(planRows(group)).toEqual([{ address: 'aws_iam_policy.order-totals', actions: ['update'], replacePaths: [] }]);

    const replaced = finding(r, 'msk/aws_iam_role_policy_attachment:User:order-service/plan-replace');
    expect(replaced.verdict).toBe('BLOCK');
    expect(replaced.title).toBe('terraform plans to replace MSK IAM policy attachment of User:order-service');
    expect(replaced.reason).toContain('because of role');
    expect(replaced.reason).toContain('User:order-service still has clients (order-service)');
    expect(planRows(replaced)).toEqual([{ address: 'aws_iam_role_policy_attachment.order-service', actions: ['delete', 'create'], replacePaths: ['role'] }]);
    // The attachment stands for order-service's grants: their findings (none here) would carry it too; the policy is untouched.
    expect(r.findings.filter((f) => f.rule.startsWith('plan-')).map((f) => f.id)).toEqual([
      'msk/aws_iam_role_policy_attachment:User:order-service/plan-replace',
    ]);
  }, 240_000);
});
