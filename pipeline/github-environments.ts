/**
 * Whether the GitHub environments a workflow is about to use exist and are protected. GitHub creates an environment
 * that a job names and that does not exist — with no protection at all — so a job bound to a missing environment runs
 * unapproved, with whatever repository-level secrets exist. The workflows therefore check, in a job before the ones
 * that use them, the environments API's answer (`GET /repos/{owner}/{repo}/environments`, and for custom branch
 * policies `…/environments/{name}/deployment-branch-policies`) with this pure function.
 */

/** The environments each kind of job uses, by stack (docs/threat-model.md). */
export const ENVIRONMENT_ROLES = {
  /** Read-only credentials (Describe on the cluster, read on the state) for `terraform plan`. */
  plan: (stack: string): string => `topicform-plan-${stack}`,
  /** Write credentials for `terraform apply` of a saved plan. */
  apply: (stack: string): string => `topicform-${stack}`,
  /** Read-only credentials for the scheduled drift plan. */
  drift: (stack: string): string => `topicform-drift-${stack}`,
} as const;
export type EnvironmentRole = keyof typeof ENVIRONMENT_ROLES;

/** What the API says of one environment (the fields read here). */
export interface GithubEnvironment {
  readonly name: string;
  readonly protection_rules?: readonly { readonly type: string; readonly reviewers?: readonly unknown[]; readonly prevent_self_review?: boolean }[];
  readonly deployment_branch_policy?: { readonly protected_branches: boolean; readonly custom_branch_policies: boolean } | null;
}

/** One custom deployment branch policy of an environment (`name` is a pattern, `type` branch or tag). */
export interface BranchPolicy {
  readonly environment: string;
  readonly name: string;
  readonly type?: string;
}

export interface EnvironmentRequirement {
  readonly environment: string;
  /** Required reviewers must approve each job (production apply). */
  readonly reviewers: boolean;
}

export interface EnvironmentCheck {
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Weaker settings that are not refused, e.g. a reviewer may approve their own run. */
  readonly warnings: readonly string[];
}

/**
 * The environments a role needs for these stacks. Applying a production stack needs required reviewers: they are the
 * production approval, given on the saved plan the run summary shows. Plan and drift environments hold read-only
 * credentials and may have reviewers too (each plan then waits for an approval); that is not required. A stack whose
 * production flag is unknown counts as production.
 */
export function requirementsFor(
  role: EnvironmentRole,
  stacks: readonly { readonly stack: string; readonly production: boolean | null }[],
): EnvironmentRequirement[] {
  return stacks.map((s) => ({ environment: ENVIRONMENT_ROLES[role](s.stack), reviewers: role === 'apply' && s.production !== false }));
}

export function checkEnvironments(
  environments: readonly GithubEnvironment[],
  policies: readonly BranchPolicy[],
  requirements: readonly EnvironmentRequirement[],
  branch: string,
): EnvironmentCheck {
  const byName = new Map(environments.map((e) => [e.name, e]));
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const r of [...requirements].sort((a, b) => (a.environment < b.environment ? -1 : 1))) {
    const env = byName.get(r.environment);
    if (env === undefined) {
      problems.push(
        `environment ${r.environment} does not exist: GitHub would create it unprotected on first use. Create it (Settings → Environments) with its secrets, deployment branches limited to ${branch}${r.reviewers ? ', and required reviewers' : ''}`,
      );
      continue;
    }
    const policy = env.deployment_branch_policy ?? null;
    if (policy === null) {
      problems.push(
        `environment ${r.environment} lets every branch deploy: a pull request's workflow could use its secrets. Limit its deployment branches to ${branch}`,
      );
    } else if (policy.custom_branch_policies) {
      const own = policies.filter((p) => p.environment === r.environment);
      const others = own.filter((p) => p.name !== branch || (p.type !== undefined && p.type !== 'branch'));
      if (own.length === 0) {
        problems.push(`environment ${r.environment} has custom deployment branch rules, but none were given to check; pass its deployment-branch-policies`);
      } else if (others.length > 0) {
        problems.push(
          `environment ${r.environment} also lets ${others.map((p) => `${p.type ?? 'branch'} "${p.name}"`).join(', ')} deploy: limit it to ${branch}`,
        );
      }
    } else if (!policy.protected_branches) {
      problems.push(`environment ${r.environment} has a deployment branch policy that allows no rule; limit it to ${branch}`);
    }
    const reviewers = (env.protection_rules ?? []).find((p) => p.type === 'required_reviewers');
    if (r.reviewers && (reviewers === undefined || (reviewers.reviewers ?? []).length === 0)) {
      problems.push(
        `environment ${r.environment} has no required reviewers: its jobs would run unapproved. Add required reviewers (the team that approves this stack's changes)`,
      );
    } else if (r.reviewers && reviewers?.prevent_self_review !== true) {
      warnings.push(`environment ${r.environment} lets the person who started the run approve it; consider "Prevent self-review"`);
    }
  }
  return { ok: problems.length === 0, problems, warnings };
}
