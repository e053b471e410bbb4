// Review of a kafka_user_scram_credential replacement or deletion that only terraform's plan shows: topology.json
// declares no credential change (a username or mechanism edited in the Terraform JSON, a credential changed or
// re-created on the cluster outside topicform), yet the plan deletes the credential, so the principal's clients fail to
// authenticate. The plans are built by hand from the provider schema (../shared/provider-schema: username and
// scram_mechanism force a new resource, password and password_wo are sensitive, password_wo write-only) and, where
// terraform runs, planned for real under the provider double. No password value may reach the review's output.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../review/render/json';
import { renderMarkdown } from '../../review/render/markdown';
import { renderText } from '../../review/render/text';
import { parseOutput, parsePlan } from '../../review/parse';
import { review } from '../../review/review';
import type { ReviewResult } from '../../review/types';
import type { ResolvedScramCredential } from '../../model/topology';
import { describeWithTerraform } from '../double/terraform-suite';
import type { CorpusCase } from './corpus/cases';
import { MutableOutput, type MutableStack } from './corpus/output';
import { generatePlan } from './corpus/plans';

const STACK = 'prod-orders';
const PRINCIPAL = 'User:order-service';
const ADDRESS = 'kafka_user_scram_credential.scram_order-service_e72491ee';
/** Passwords a plan of the deprecated `password` attribute would carry: they must never be printed. */
const SECRETS = ['s3cret-before-value', 's3cret-after-value', 's3cret-drift-value'];

interface Attributes {
  readonly username?: string;
  readonly scram_mechanism?: string;
  readonly scram_iterations?: number;
  readonly password_wo_version?: string;
}

const current: Required<Attributes> = { username: 'order-service', scram_mechanism: 'SCRAM-SHA-512', scram_iterations: 8192, password_wo_version: '1' };

/** One resource_changes entry as `terraform show -json` writes it for this provider's schema. */
function credentialChange(actions: readonly string[], after: Attributes | null, replacePaths: readonly string[][] = []): Record<string, unknown> {
  const state = (a: Attributes, password: string) => ({
    id: `${a.username ?? ''}|${a.scram_mechanism ?? ''}`,
    password,
    password_wo: null,
    ...a,
  });
  return {
    address: ADDRESS,
    mode: 'managed',
    type: 'kafka_user_scram_credential',
    name: 'scram_order-service_e72491ee',
    provider_name: 'registry.terraform.io/mongey/kafka',
    change: {
      actions,
      before: state(current, SECRETS[0] ?? ''),
      after: after === null ? null : state({ ...current, ...after }, SECRETS[1] ?? ''),
      after_unknown: after === null ? {} : { id: true },
      before_sensitive: { password: true, password_wo: true },
      after_sensitive: after === null ? false : { password: true, password_wo: true },
      ...(replacePaths.length === 0 ? {} : { replace_paths: replacePaths }),
    },
    ...(actions.length === 2 ? { action_reason: 'replace_because_cannot_update' } : {}),
  };
}

function planJson(change: Record<string, unknown>, drift: Record<string, unknown>[] = []): string {
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.11.0', resource_changes: [change], resource_drift: drift });
}

function reviewWithPlan(text: string, edit: (s: MutableStack) => void = () => undefined, stack = STACK): ReviewResult {
  const base = MutableOutput.seed();
  const head = base.clone();
  edit(head.stack(STACK));
  return review({
    base: parseOutput('base', base.files('base')),
    head: parseOutput('head', head.files('head')),
    plans: [parsePlan(stack, { file: `${stack}.plan.json`, text })],
  });
}

const ids = (r: ReviewResult): string[][] => r.findings.map((f) => [f.verdict, f.id]);
const rendered = (r: ReviewResult): string => [renderMarkdown(r), renderText(r), renderJson(r)].join('\n');
const expectNoSecret = (r: ReviewResult): void => {
  const out = rendered(r);
  for (const secret of SECRETS) expect(out).not.toContain(secret);
};

describe('review of a SCRAM credential replacement only the plan shows', () => {
  it('blocks a mechanism replacement in production that topology.json does not declare, naming the principal and its clients', () => {
    const r = reviewWithPlan(planJson(credentialChange(['delete', 'create'], { scram_mechanism: 'SCRAM-SHA-256' }, [['scram_mechanism']])));
    expect(ids(r)).toEqual([['BLOCK', `${STACK}/credential:${PRINCIPAL}/plan-scram-credential-replaced`]]);
    const [f] = r.findings;
    expect(f?.title).toBe(`terraform plans to replace the SCRAM credential of ${PRINCIPAL}, which the declarations do not change`);
    expect(f?.reason).toContain('terraform deletes then creates SCRAM user order-service (SCRAM-SHA-512) because of scram_mechanism');
    expect(f?.reason).toContain('so order-service fail to authenticate at their next connection');
    expect(f?.reason).toContain('TF_VAR_kafka_scram_password_order_service');
    expect(f?.rows).toEqual([
      { key: 'actions', current: '—', new: 'delete, create' },
      { key: 'scram_mechanism', current: 'SCRAM-SHA-512', new: 'SCRAM-SHA-256' },
      { key: 'clients', current: 'order-service', new: 'order-service' },
    ]);
    expect(f?.plan).toEqual([{ address: ADDRESS, actions: ['delete', 'create'], replacePaths: ['scram_mechanism'], importingId: null, previousAddress: null }]);
    expectNoSecret(r);
  });

  it('names the old and the new user when the username changes out of band', () => {
    const r = reviewWithPlan(planJson(credentialChange(['delete', 'create'], { username: 'order-svc' }, [['username']])));
    expect(ids(r)).toEqual([['BLOCK', `${STACK}/credential:${PRINCIPAL}/plan-scram-credential-replaced`]]);
    expect(r.findings[0]?.title).toContain('(username order-service → order-svc)');
    expect(r.findings[0]?.reason).toContain('SCRAM user order-service is deleted and order-svc created in its place');
    expectNoSecret(r);
  });

  it('says that a create-first replacement deletes what it just wrote', () => {
    const r = reviewWithPlan(planJson(credentialChange(['create', 'delete'], { scram_iterations: 4096 })));
    expect(r.findings[0]?.reason).toContain('with the create first, the delete then removes the credential the create just wrote');
  });

  it('blocks a deletion the declarations do not explain', () => {
    const r = reviewWithPlan(planJson(credentialChange(['delete'], null)));
    expect(ids(r)).toEqual([['BLOCK', `${STACK}/credential:${PRINCIPAL}/plan-scram-credential-deleted`]]);
    expectNoSecret(r);
  });

  it('still blocks when the declarations only rotate the password (a WARN does not explain a replacement)', () => {
    const rotate = (s: MutableStack): void => {
      (s.topology as { scramCredentials?: ResolvedScramCredential[] }).scramCredentials = (s.topology.scramCredentials ?? []).map((c) =>
        c.principal === PRINCIPAL ? { ...c, passwordVersion: '2' } : c,
      );
    };
    const r = reviewWithPlan(planJson(credentialChange(['delete', 'create'], { scram_mechanism: 'SCRAM-SHA-256' }, [['scram_mechanism']])), rotate);
    expect(ids(r)).toEqual([
      ['BLOCK', `${STACK}/credential:${PRINCIPAL}/plan-scram-credential-replaced`],
      ['WARN', `${STACK}/credential:${PRINCIPAL}/scram-password-rotated`],
    ]);
  });

  it('adds nothing when the declared mechanism change explains the replacement: the plan is its evidence', () => {
    const mechanism = (s: MutableStack): void => {
      (s.topology as { scramCredentials?: ResolvedScramCredential[] }).scramCredentials = (s.topology.scramCredentials ?? []).map((c) =>
        c.principal === PRINCIPAL ? { ...c, mechanism: 'SCRAM-SHA-256' } : c,
      );
    };
    const r = reviewWithPlan(planJson(credentialChange(['delete', 'create'], { scram_mechanism: 'SCRAM-SHA-256' }, [['scram_mechanism']])), mechanism);
    expect(ids(r)).toEqual([['BLOCK', `${STACK}/credential:${PRINCIPAL}/scram-mechanism-changed`]]);
    expect(r.findings[0]?.plan.map((p) => p.address)).toEqual([ADDRESS]);
  });

  it('warns outside production', () => {
    const r = reviewWithPlan(planJson(credentialChange(['delete', 'create'], { scram_mechanism: 'SCRAM-SHA-256' }, [['scram_mechanism']])), undefined, 'dev');
    expect(ids(r)).toEqual([['WARN', `dev/credential:${PRINCIPAL}/plan-scram-credential-replaced`]]);
  });

  it('keeps only the credential attributes that are not secrets, in changes and in drift', () => {
    const drift = credentialChange(['update'], { password_wo_version: '1' });
    (drift.change as { after: Record<string, unknown> }).after.password = SECRETS[2];
    const plan = parsePlan(STACK, { file: 'p.json', text: planJson(credentialChange(['delete', 'create'], { scram_mechanism: 'SCRAM-SHA-256' }), [drift]) });
    for (const c of [...plan.changes, ...plan.drift]) {
      for (const values of [c.before, c.after]) {
        expect(Object.keys(values ?? {}).sort()).toEqual(['id', 'password_wo_version', 'scram_iterations', 'scram_mechanism', 'username']);
      }
    }
    const r = reviewWithPlan(planJson(credentialChange(['delete', 'create'], { scram_mechanism: 'SCRAM-SHA-256' }), [drift]));
    expect(r.drift.map((d) => d.address)).toEqual([ADDRESS]);
    expectNoSecret(r);
  });
});

describeWithTerraform('a SCRAM credential replacement planned by terraform under the provider double', () => {
  it('is classified from the real plan JSON, which carries no password', async () => {
    const base = MutableOutput.seed([STACK]);
    const head = base.clone();
    // Only the Terraform JSON changes: topology.json still declares SCRAM-SHA-512.
    const tf = head.stack(STACK).tf as unknown as { resource: Record<string, Record<string, Record<string, unknown>>> };
    const block = tf.resource.kafka_user_scram_credential?.['scram_order-service_e72491ee'];
    if (block === undefined) throw new Error('the seed has no credential for order-service');
    block.scram_mechanism = 'SCRAM-SHA-256';
    const c = { name: 'scram-replace-in-plan-only', description: '', head: () => undefined, expected: [] } satisfies CorpusCase;
    const text = await generatePlan(c, { stack: STACK }, base, head);
    expect(text).not.toContain('corpus-kafka_scram_password_'); // the made-up passwords generatePlan supplies
    const r = review({
      base: parseOutput('base', base.files('base')),
      head: parseOutput('head', head.files('head')),
      plans: [parsePlan(STACK, { file: 'plan.json', text })],
    });
    const credential = r.findings.filter((f) => f.subject.kind === 'credential');
    expect(credential.map((f) => [f.verdict, f.id])).toEqual([['BLOCK', `${STACK}/credential:${PRINCIPAL}/plan-scram-credential-replaced`]]);
    expect(credential[0]?.plan[0]?.replacePaths).toEqual(['scram_mechanism']);
    expect(rendered(r)).not.toContain('corpus-kafka_scram_password_');
  }, 120_000);
});
