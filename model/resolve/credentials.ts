/**
 * Step 8, SCRAM credentials: every principal the environment lists is a `User:` principal one of its declarations uses,
 * and no two of them share a password variable; then the credentials (model/scram.ts).
 */
import { didYouMean } from '../did-you-mean';
import type { Issue } from '../issues';
import { principalUses, type OtherClient } from '../quota';
import { deriveScramCredentials, SCRAM_PRINCIPAL_PREFIX, scramPasswordVariable } from '../scram';
import type { Environment } from '../schema';
import type { ResolvedConsumerGroup, ResolvedProducer, ResolvedScramCredential } from '../topology';
import * as m from './messages';

export function resolveScramCredentials(
  env: Environment,
  groups: readonly ResolvedConsumerGroup[],
  producers: readonly ResolvedProducer[],
  others: readonly OtherClient[] = [],
): { readonly credentials: ResolvedScramCredential[]; readonly issues: Issue[] } {
  const declared = env.scramCredentials;
  if (declared === undefined) return { credentials: [], issues: [] };
  const uses = principalUses(groups, producers, others);
  const used = [...uses.keys()].filter((p) => p.startsWith(SCRAM_PRINCIPAL_PREFIX)).sort();
  const issues: Issue[] = [];
  const byVariable = new Map<string, string>();
  for (const principal of Object.keys(declared.principals).sort()) {
    const path = `scramCredentials.principals[${JSON.stringify(principal)}]`;
    if (!principal.startsWith(SCRAM_PRINCIPAL_PREFIX)) {
      issues.push(m.scramPrincipalNotUser(path, principal));
      continue;
    }
    if (!uses.has(principal)) {
      issues.push(m.scramPrincipalUnknown(path, principal, env.name, didYouMean(principal, used)));
      continue;
    }
    const variable = scramPasswordVariable(principal.slice(SCRAM_PRINCIPAL_PREFIX.length));
    const first = byVariable.get(variable);
    if (first !== undefined) issues.push(m.scramVariableClash(path, principal, first, variable));
    else byVariable.set(variable, principal);
  }
  return { credentials: deriveScramCredentials(declared, uses), issues };
}
