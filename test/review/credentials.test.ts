// Review of SCRAM credential changes (review/credentials.ts): what each change of a kafka_user_scram_credential does to
// the running clients of its principal, instead of one BLOCK on the stack's changed variables.
import { describe, expect, it } from 'vitest';
import { parseOutput } from '../../review/parse';
import { review } from '../../review/review';
import type { ReviewResult } from '../../review/types';
import type { ResolvedScramCredential } from '../../model/topology';
import { MutableOutput, type MutableStack } from './corpus/output';

const STACK = 'prod-orders';
const PRINCIPAL = 'User:order-service';
const VARIABLE = 'kafka_scram_password_order_service';

function reviewChange(change: (s: MutableStack) => void): ReviewResult {
  const base = MutableOutput.seed();
  const head = base.clone();
  change(head.stack(STACK));
  return review({ base: parseOutput('base', base.files('base')), head: parseOutput('head', head.files('head')), plans: [] });
}
const ids = (r: ReviewResult): string[][] => r.findings.map((f) => [f.verdict, f.id]);
const credentials = (s: MutableStack): ResolvedScramCredential[] => s.topology.scramCredentials ?? [];
const editCredential = (s: MutableStack, edit: Partial<ResolvedScramCredential>): void => {
  (s.topology as { scramCredentials?: ResolvedScramCredential[] }).scramCredentials = credentials(s).map((c) =>
    c.principal === PRINCIPAL ? { ...c, ...edit } : c,
  );
};
const removeCredential = (s: MutableStack): void => {
  (s.topology as { scramCredentials?: ResolvedScramCredential[] }).scramCredentials = credentials(s).filter((c) => c.principal !== PRINCIPAL);
  const tf = s.tf as unknown as { variable: Record<string, unknown> };
  delete tf.variable[VARIABLE];
};

describe('review of SCRAM credentials', () => {
  it('treats a password version bump as a rotation: WARN, what happens to running clients, and the rotation steps', () => {
    const r = reviewChange((s) => editCredential(s, { passwordVersion: '2' }));
    expect(ids(r)).toEqual([['WARN', `${STACK}/credential:${PRINCIPAL}/scram-password-rotated`]]);
    const [f] = r.findings;
    expect(f?.reason).toContain('order-service fail at their next connection until they use the new password');
    expect(f?.reason).toContain('docs/credentials.md#rotating-a-password-step-by-step');
    expect(f?.rows).toEqual([{ key: 'password_wo_version', current: '1', new: '2' }]);
  });

  it('blocks a credential removed while a declared client still authenticates as its principal, and not as a variables change', () => {
    const r = reviewChange(removeCredential);
    expect(ids(r)).toEqual([['BLOCK', `${STACK}/credential:${PRINCIPAL}/scram-credential-removed`]]);
    expect(r.findings[0]?.reason).toContain('every client of User:order-service (order-service) fails to authenticate at its next connection');
  });

  it('is SAFE when the principal is gone too (no declaration uses it any more)', () => {
    const r = reviewChange((s) => {
      removeCredential(s);
      (s.topology as { producers: Array<{ principal: string }> }).producers = s.topology.producers.filter((p) => p.principal !== PRINCIPAL);
    });
    expect(ids(r).filter(([, id]) => id?.includes('credential:'))).toEqual([['SAFE', `${STACK}/credential:${PRINCIPAL}/scram-credential-removed-unused`]]);
    expect(ids(r).some(([, id]) => id?.endsWith('variables-changed'))).toBe(false);
  });

  it('reports a new credential as SAFE, naming the variable CI must supply, instead of blocking on the new variable', () => {
    const r = reviewChange((s) => {
      const tf = s.tf as unknown as { variable: Record<string, unknown> };
      tf.variable.kafka_scram_password_audit_service = { ...(tf.variable[VARIABLE] as object) };
      const template = credentials(s).find((c) => c.principal === PRINCIPAL) as ResolvedScramCredential;
      const added = {
        ...template,
        principal: 'User:audit-service',
        username: 'audit-service',
        services: ['audit-service'],
        variable: 'kafka_scram_password_audit_service',
      };
      (s.topology as { scramCredentials?: ResolvedScramCredential[] }).scramCredentials = [...credentials(s), added];
    });
    expect(ids(r)).toEqual([['SAFE', `${STACK}/credential:User:audit-service/scram-credential-added`]]);
    expect(r.findings[0]?.reason).toContain('TF_VAR_kafka_scram_password_audit_service');
  });

  it('blocks a mechanism change (the provider replaces the credential) and warns of new iterations', () => {
    const r = reviewChange((s) => editCredential(s, { mechanism: 'SCRAM-SHA-256', iterations: 16384 }));
    expect(ids(r)).toEqual([
      ['BLOCK', `${STACK}/credential:${PRINCIPAL}/scram-mechanism-changed`],
      ['WARN', `${STACK}/credential:${PRINCIPAL}/scram-iterations-changed`],
    ]);
    expect(r.findings[0]?.reason).toContain('configured with sasl.mechanism=SCRAM-SHA-512, fail to authenticate');
  });

  it('still blocks a password variable whose definition changes (e.g. no longer ephemeral)', () => {
    const r = reviewChange((s) => {
      const tf = s.tf as unknown as { variable: Record<string, Record<string, unknown>> };
      tf.variable[VARIABLE] = { ...tf.variable[VARIABLE], ephemeral: false };
    });
    expect(ids(r)).toEqual([['BLOCK', `${STACK}/stack/variables-changed`]]);
  });
});
