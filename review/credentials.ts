/**
 * What a SCRAM credential change (`kafka_user_scram_credential`, model/scram.ts) does to the clients of its principal,
 * as findings: a created credential is SAFE (CI must supply its password variable); a removed one BLOCKs while any
 * client still authenticates as the principal, and is SAFE once the principal is gone too; a mechanism change is a
 * replace (the provider's scram_mechanism is ForceNew) that BLOCKs; a new password version is a rotation (WARN, with the
 * rotation steps of docs/credentials.md); new iterations or a new password variable are WARN. Pure.
 */
import type { ResolvedScramCredential } from '../model/topology';
import type { Text } from './messages';
import type { ReviewRuleId } from './rules';
import type { Row, Verdict } from './types';

/** Where the rotation steps are, for the findings' reasons. */
export const ROTATION_STEPS = 'docs/credentials.md#rotating-a-password-step-by-step';

export interface CredentialDraft {
  readonly rule: ReviewRuleId;
  readonly verdict: Verdict;
  readonly text: Text;
  readonly before: string;
  readonly after: string;
  readonly rows: readonly Row[];
}

const ackHint = 'if this is intended, acknowledge the finding in review-acknowledgements.yaml with the reason';
const label = (c: ResolvedScramCredential): string => `${c.mechanism}, ${c.iterations} iterations, password version ${c.passwordVersion}`;
const services = (list: readonly string[]): string => (list.length === 0 ? 'its clients' : list.join(', '));

export function credentialAdded(c: ResolvedScramCredential): CredentialDraft {
  return {
    rule: 'scram-credential-added',
    verdict: 'SAFE',
    text: {
      title: `new SCRAM credential for ${c.principal}`,
      reason: `terraform creates SCRAM user ${c.username} (${label(c)}) with the password CI supplies as TF_VAR_${c.variable} (ephemeral: never in the plan or the state); the apply fails without it; running clients are not affected, and ${services(c.services)} can authenticate with that password once it is applied`,
      fix: `supply TF_VAR_${c.variable} in CI`,
    },
    before: '—',
    after: label(c),
    rows: [
      { key: 'scram_mechanism', current: '—', new: c.mechanism },
      { key: 'scram_iterations', current: '—', new: String(c.iterations) },
      { key: 'password_wo_version', current: '—', new: c.passwordVersion },
      { key: 'password_wo', current: '—', new: `TF_VAR_${c.variable} (ephemeral)` },
    ],
  };
}

export function credentialRemoved(c: ResolvedScramCredential, clients: readonly string[]): CredentialDraft {
  const rows = [
    { key: 'scram_mechanism', current: c.mechanism, new: '(deleted)' },
    { key: 'clients', current: c.services.join(', ') || '—', new: clients.join(', ') || '—' },
  ];
  if (clients.length === 0) {
    return {
      rule: 'scram-credential-removed-unused',
      verdict: 'SAFE',
      text: {
        title: `SCRAM credential of ${c.principal} deleted with its principal`,
        reason: `terraform deletes SCRAM user ${c.username}; no declaration authenticates as ${c.principal} any more, so no declared client is affected (an undeclared one still using it can no longer connect)`,
      },
      before: label(c),
      after: '(deleted)',
      rows,
    };
  }
  return {
    rule: 'scram-credential-removed',
    verdict: 'BLOCK',
    text: {
      title: `SCRAM credential of ${c.principal} deleted while ${clients.join(', ')} still authenticate as it`,
      reason: `terraform deletes SCRAM user ${c.username}: every client of ${c.principal} (${clients.join(', ')}) fails to authenticate at its next connection, and connections already open fail at their next reconnect or re-authentication; keep the credential until the principal's clients are gone or moved to another principal; ${ackHint}`,
      fix: 'keep the credential while the principal has clients',
    },
    before: label(c),
    after: '(deleted)',
    rows,
  };
}

/** One draft per aspect that changed, most severe first. */
export function credentialChanged(before: ResolvedScramCredential, after: ResolvedScramCredential): CredentialDraft[] {
  const drafts: CredentialDraft[] = [];
  const who = services(after.services);
  if (before.mechanism !== after.mechanism) {
    drafts.push({
      rule: 'scram-mechanism-changed',
      verdict: 'BLOCK',
      text: {
        title: `SCRAM mechanism of ${after.principal} changes from ${before.mechanism} to ${after.mechanism}`,
        reason: `the provider replaces the credential (scram_mechanism forces a new resource): the ${before.mechanism} credential is deleted, so ${who}, configured with sasl.mechanism=${before.mechanism}, fail to authenticate at their next connection until they are redeployed with sasl.mechanism=${after.mechanism}; to switch without an outage, give the services a new principal with the new mechanism first; ${ackHint}`,
        fix: 'move the clients to a new principal with the new mechanism first',
      },
      before: before.mechanism,
      after: after.mechanism,
      rows: [{ key: 'scram_mechanism', current: before.mechanism, new: after.mechanism }],
    });
  }
  if (before.passwordVersion !== after.passwordVersion) {
    drafts.push({
      rule: 'scram-password-rotated',
      verdict: 'WARN',
      text: {
        title: `SCRAM password of ${after.principal} rotated (version ${before.passwordVersion} → ${after.passwordVersion})`,
        reason: `at apply the provider sets the password CI supplies as TF_VAR_${after.variable}: connections already open stay up, but ${who} fail at their next connection until they use the new password; store the new password first, then apply and roll the services in one window (rotation steps: ${ROTATION_STEPS})`,
        fix: `roll ${who} right after the apply`,
      },
      before: before.passwordVersion,
      after: after.passwordVersion,
      rows: [{ key: 'password_wo_version', current: before.passwordVersion, new: after.passwordVersion }],
    });
  }
  if (before.iterations !== after.iterations) {
    drafts.push({
      rule: 'scram-iterations-changed',
      verdict: 'WARN',
      text: {
        title: `SCRAM iterations of ${after.principal} change from ${before.iterations} to ${after.iterations}`,
        reason: `the provider rewrites the credential in place with the password in TF_VAR_${after.variable}; clients are not affected (the broker tells them the iteration count) as long as that is still the current password; a different value there rotates the password without a version bump (rotation steps: ${ROTATION_STEPS})`,
        fix: `make sure TF_VAR_${after.variable} holds the current password`,
      },
      before: String(before.iterations),
      after: String(after.iterations),
      rows: [{ key: 'scram_iterations', current: String(before.iterations), new: String(after.iterations) }],
    });
  }
  if (before.variable !== after.variable) {
    drafts.push({
      rule: 'scram-password-variable-changed',
      verdict: 'WARN',
      text: {
        title: `SCRAM password of ${after.principal} read from TF_VAR_${after.variable} instead of TF_VAR_${before.variable}`,
        reason: `CI must supply the new variable; it is read only when the credential is written (a version bump or another change): if it holds another password than the current one, that write rotates the password for ${who} (rotation steps: ${ROTATION_STEPS})`,
        fix: `supply TF_VAR_${after.variable} in CI`,
      },
      before: before.variable,
      after: after.variable,
      rows: [{ key: 'password_wo', current: `TF_VAR_${before.variable}`, new: `TF_VAR_${after.variable}` }],
    });
  }
  return drafts;
}

/** What the plan shows of a kafka_user_scram_credential that the outputs' diff does not explain (no password attributes: review/parse.ts). */
export interface PlannedCredentialChange {
  readonly principal: string;
  readonly actions: readonly string[];
  readonly before: Readonly<Record<string, unknown>> | null;
  readonly after: Readonly<Record<string, unknown>> | null;
  readonly replacePaths: readonly string[];
  /** The services that authenticate as the principal in head (every client kind), sorted. */
  readonly clients: readonly string[];
  /** The declared credential of the principal (head, else base), for its password variable; undefined when none is declared. */
  readonly declared: ResolvedScramCredential | undefined;
  readonly production: boolean;
}

const attribute = (values: Readonly<Record<string, unknown>> | null, key: string): string => {
  const v = values?.[key];
  return v === undefined || v === null ? '—' : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
};

/**
 * A replacement (delete + create) or deletion of a SCRAM credential that only the plan shows: topology.json declares
 * no change of the credential, so the cause is in the Terraform JSON or on the cluster (the credential changed or
 * recreated outside topicform, a username or mechanism edited by hand). Deleting a SCRAM credential removes the
 * user's salted password from the brokers: until the new one exists (destroy, then create) — or for good when the
 * username changes or the create comes first and the delete then removes what it wrote (create_before_destroy on the
 * same user and mechanism) — every client of the principal fails to authenticate at its next connection. BLOCK in
 * production while the principal has clients, WARN otherwise.
 */
export function credentialChangedInPlan(c: PlannedCredentialChange): CredentialDraft & { readonly verdict: Verdict } {
  const replace = c.actions.includes('create');
  const who = c.clients.length === 0 ? 'no declared client' : c.clients.join(', ');
  const username = c.principal.replace(/^User:/, '');
  const newUser = attribute(c.after, 'username');
  const order = c.actions.map((a) => `${a}s`).join(' then ');
  const why = c.replacePaths.length === 0 ? '' : ` because of ${c.replacePaths.join(', ')}`;
  const renamed = replace && newUser !== '—' && newUser !== username;
  const mechanism = attribute(c.before, 'scram_mechanism');
  const password = c.declared === undefined ? 'the password in the plan variables' : `the password CI supplies as TF_VAR_${c.declared.variable}`;
  const rows: Row[] = [
    { key: 'actions', current: '—', new: c.actions.join(', ') },
    ...['username', 'scram_mechanism', 'scram_iterations', 'password_wo_version']
      .filter((k) => replace && attribute(c.before, k) !== attribute(c.after, k))
      .map((k) => ({ key: k, current: attribute(c.before, k), new: attribute(c.after, k) })),
    { key: 'clients', current: who, new: who },
  ];
  const effect = renamed
    ? `SCRAM user ${username} is deleted and ${newUser} created in its place, so ${who} (authenticating as ${c.principal}) can no longer authenticate at their next connection`
    : replace
      ? `terraform ${order} SCRAM user ${username} (${mechanism})${why}: between the two steps the credential does not exist, so ${who} fail to authenticate at their next connection, and afterwards only ${password} works${order.startsWith('create') ? '; with the create first, the delete then removes the credential the create just wrote' : ''}`
      : `terraform deletes SCRAM user ${username} (${mechanism}): ${who} fail to authenticate at their next connection`;
  return {
    rule: replace ? 'plan-scram-credential-replaced' : 'plan-scram-credential-deleted',
    verdict: c.production && c.clients.length > 0 ? 'BLOCK' : 'WARN',
    text: {
      title: `terraform plans to ${replace ? 'replace' : 'delete'} the SCRAM credential of ${c.principal}${renamed ? ` (username ${username} → ${newUser})` : ''}, which the declarations do not change`,
      reason: `${effect}; topology.json shows no change of this credential, so the change comes from the Terraform JSON or from the cluster (a credential changed or re-created outside topicform, a username or mechanism edited by hand): find the cause and make the plan show no replacement before applying; ${ackHint}`,
      fix: 'find why terraform replaces the credential and plan again',
    },
    before: `${username}, ${mechanism}`,
    after: replace ? `${newUser}, ${attribute(c.after, 'scram_mechanism')}` : '(deleted)',
    rows,
  };
}
