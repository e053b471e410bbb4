/**
 * SCRAM credentials per service principal (environment `scramCredentials`): what terraform creates, where the
 * password comes from, and the names both sides agree on.
 *
 * The password never passes through topicform. Each credential's `password_wo` (the Mongey provider's write-only
 * attribute, Terraform ≥ 1.11) is a reference to an ephemeral, sensitive Terraform variable,
 * `kafka_scram_password_<user>`, that CI supplies as `TF_VAR_kafka_scram_password_<user>` from its secret store.
 * Terraform keeps write-only values out of the plan and the state, and ephemeral variables out of the saved plan file,
 * so the value exists only in the apply process. `password_wo_version` is declared: bumping it is what makes terraform
 * send a new password, since it cannot see a write-only value change (docs/credentials.md, rotation).
 */
import { createHash } from 'node:crypto';
import type { ScramCredentialsDeclaration } from './schema/credentials';
import type { ResolvedScramCredential } from './topology';

/** SCRAM credentials belong to users: `User:<name>` principals, whose name is the SCRAM user name. */
export const SCRAM_PRINCIPAL_PREFIX = 'User:';

/** The prefix of every password variable; the guard admits variables by it (guard/allowlist.ts). */
export const SCRAM_PASSWORD_VARIABLE_PREFIX = 'kafka_scram_password_';

/**
 * The Terraform variable that carries a user's password: `kafka_scram_password_<user>`, with every character other
 * than a letter, digit or `_` replaced by `_` (so `TF_VAR_…` is a valid shell variable name). Two users that map to the
 * same name are an error in resolve.
 */
export function scramPasswordVariable(username: string): string {
  return `${SCRAM_PASSWORD_VARIABLE_PREFIX}${username.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * The Terraform address of a credential, from its identity only (the user name and mechanism, the provider's id):
 * never from its version or iterations, so a rotation is an in-place update of the same resource.
 */
export function scramCredentialAddress(credential: Pick<ResolvedScramCredential, 'username' | 'mechanism'>): string {
  const hash = createHash('sha256').update(`${credential.username}|${credential.mechanism}`).digest('hex').slice(0, 8);
  return `scram_${credential.username.replace(/[^A-Za-z0-9_-]/g, '_')}_${hash}`;
}

export interface PrincipalUse {
  readonly domains: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
}

/**
 * One credential per declared principal that the declarations use, sorted by principal. Declarations of principals
 * that are not `User:` or not used are left out here; resolve reports them (model/resolve/credentials.ts).
 */
export function deriveScramCredentials(declared: ScramCredentialsDeclaration | undefined, uses: ReadonlyMap<string, PrincipalUse>): ResolvedScramCredential[] {
  if (declared === undefined) return [];
  const out: ResolvedScramCredential[] = [];
  for (const principal of Object.keys(declared.principals).sort()) {
    const entry = declared.principals[principal];
    const use = uses.get(principal);
    if (entry === undefined || use === undefined || !principal.startsWith(SCRAM_PRINCIPAL_PREFIX)) continue;
    const username = principal.slice(SCRAM_PRINCIPAL_PREFIX.length);
    out.push({
      principal,
      username,
      mechanism: entry.mechanism ?? declared.mechanism,
      iterations: entry.iterations ?? declared.iterations,
      passwordVersion: entry.passwordVersion,
      variable: scramPasswordVariable(username),
      // The stack of the first domain by name that uses it, as for quotas: one credential per user, in one state.
      domain: [...use.domains].sort()[0] ?? '',
      services: [...use.services].sort(),
    });
  }
  return out;
}
