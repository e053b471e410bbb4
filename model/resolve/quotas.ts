/** Step 8, quotas: every override the environment declares names a `User:` principal one of its declarations uses. */
import { didYouMean } from '../did-you-mean';
import type { Issue } from '../issues';
import { principalUses, QUOTA_PRINCIPAL_PREFIX, type OtherClient } from '../quota';
import type { Environment } from '../schema';
import type { ResolvedConsumerGroup, ResolvedProducer } from '../topology';
import * as m from './messages';

export function checkQuotaOverrides(
  env: Environment,
  groups: readonly ResolvedConsumerGroup[],
  producers: readonly ResolvedProducer[],
  others: readonly OtherClient[] = [],
): Issue[] {
  const used = [...principalUses(groups, producers, others).keys()].filter((p) => p.startsWith(QUOTA_PRINCIPAL_PREFIX)).sort();
  return Object.keys(env.quotas.overrides)
    .sort()
    .flatMap((principal): Issue[] => {
      const path = `quotas.overrides[${JSON.stringify(principal)}]`;
      if (!principal.startsWith(QUOTA_PRINCIPAL_PREFIX)) return [m.quotaOverrideNotUser(path, principal)];
      if (used.includes(principal)) return [];
      return [m.quotaOverrideUnknownPrincipal(path, principal, env.name, didYouMean(principal, used))];
    });
}
