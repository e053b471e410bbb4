/**
 * What every import plan starts from (a cluster's `topicform import` and a migration from another tool alike): the
 * environment, validated; the pattern that splits a topic name into domain and event; the owner written on each
 * domain. Each is refused with one message the CLI prints as it is.
 */
import { DEFAULT_DOMAIN_PATTERN, compileDomainPattern } from '../naming';
import { environmentSchema, ownerSchema, type Environment } from '../../model/schema';

/** The owner of every generated domain when none is given: a placeholder handle the platform team replaces. */
export const DEFAULT_OWNER = '@platform-team';

export interface PlanInputs {
  readonly env: Environment;
  readonly pattern: RegExp;
  readonly owner: string;
}

export function planInputs(options: {
  readonly environment: unknown;
  readonly domainPattern?: string;
  readonly owner?: string;
}): PlanInputs | { readonly error: string } {
  const envResult = environmentSchema.safeParse(options.environment);
  if (!envResult.success) {
    return { error: `the environment is not valid: ${envResult.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  const pattern = compileDomainPattern(options.domainPattern ?? DEFAULT_DOMAIN_PATTERN);
  if (typeof pattern === 'string') return { error: pattern };
  const owner = options.owner ?? DEFAULT_OWNER;
  if (!ownerSchema.safeParse(owner).success) return { error: `the owner "${owner}" is not a team handle such as "@acme/orders-team"` };
  return { env: envResult.data, pattern, owner };
}
