/**
 * The Confluent Cloud service account behind each declared principal. Confluent Cloud authenticates clients with API
 * keys owned by service accounts, and its ACLs and role bindings name the account (`User:sa-abc123`), so every
 * principal the declarations grant something to needs one: an id declared in the environment, or one terraform creates
 * (`confluent.createServiceAccounts`).
 */
import { createHash } from 'node:crypto';
import { compare } from '../compare';
import type { Issue } from '../issues';
import type { ConfluentCloudDeclaration } from '../schema/confluent';
import type { ResolvedAcl, ResolvedServiceAccount } from '../topology';

const sanitize = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** The principal's name without its type: `User:order-service` → `order-service`. */
export const principalName = (principal: string): string => principal.slice(principal.indexOf(':') + 1);

/**
 * The Terraform address of a created `confluent_service_account`: readable, plus a short hash of the principal so that
 * two principals whose names sanitize alike never share one.
 */
export function serviceAccountAddress(principal: string): string {
  const hash = createHash('sha256').update(principal).digest('hex').slice(0, 8);
  return `sa_${sanitize(principalName(principal))}_${hash}`;
}

/**
 * The principal the Confluent resources name: `User:<id>` for a declared id, or a reference to the created account's id,
 * which terraform knows only after it creates the account.
 */
export function confluentPrincipal(account: ResolvedServiceAccount): string {
  return account.id === null ? `User:\${confluent_service_account.${serviceAccountAddress(account.principal)}.id}` : `User:${account.id}`;
}

export interface ServiceAccountResult {
  readonly serviceAccounts: readonly ResolvedServiceAccount[];
  readonly issues: readonly Issue[];
}

/** One service account per principal that holds an ACL, sorted by principal; a missing account is an error naming who needs it. */
export function resolveServiceAccounts(options: ConfluentCloudDeclaration, acls: readonly ResolvedAcl[]): ServiceAccountResult {
  const byPrincipal = new Map<string, { domains: Set<string>; neededBy: Set<string> }>();
  for (const acl of acls) {
    const entry = byPrincipal.get(acl.principal) ?? { domains: new Set<string>(), neededBy: new Set<string>() };
    entry.domains.add(acl.domain);
    for (const why of acl.neededBy) entry.neededBy.add(why);
    byPrincipal.set(acl.principal, entry);
  }
  const serviceAccounts: ResolvedServiceAccount[] = [];
  const issues: Issue[] = [];
  for (const principal of [...byPrincipal.keys()].sort(compare)) {
    const entry = byPrincipal.get(principal) as { domains: Set<string>; neededBy: Set<string> };
    const id = options.serviceAccounts[principal];
    if (id === undefined && !options.createServiceAccounts) {
      const who = [...entry.neededBy].sort(compare);
      issues.push({
        path: `confluent.serviceAccounts[${JSON.stringify(principal)}]`,
        code: 'confluent-service-account-missing',
        message: `${principal} has no Confluent Cloud service account for its grants${who.length === 0 ? '' : ` (${who.slice(0, 2).join('; ')}${who.length > 2 ? `; and ${who.length - 2} more` : ''})`}`,
        hint: `add '${principal}': 'sa-…' to confluent.serviceAccounts, or set confluent.createServiceAccounts: true`,
      });
      continue;
    }
    serviceAccounts.push({
      principal,
      id: id ?? null,
      // A created account lives in the stack of the first domain (by name) whose grants name it.
      domain: [...entry.domains].sort(compare)[0] as string,
    });
  }
  return { serviceAccounts, issues };
}
