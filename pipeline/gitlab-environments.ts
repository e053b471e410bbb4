/**
 * Whether the GitLab environments a pipeline is about to use are protected. GitLab creates an environment that a job
 * names and that does not exist, unprotected: anyone allowed to run the pipeline could then run that job. The deploy and
 * drift pipelines therefore check, before the jobs that use them, the protected environments API's answer
 * (`GET /projects/:id/protected_environments`, fetched by the job; this function only reads it).
 *
 * Same roles and names as GitHub (pipeline/github-environments.ts): `topicform-plan-<stack>`, `topicform-<stack>`,
 * `topicform-drift-<stack>`. A production apply environment needs required approvals (GitLab's deployment approvals):
 * the approvers approve the saved plan the pipeline shows.
 */
import type { EnvironmentCheck, EnvironmentRequirement } from './github-environments';

/** GitLab's access level of the Developer role (API `access_level`): 30. Maintainer is 40. */
export const GITLAB_DEVELOPER_ACCESS = 30;

/** What the protected environments API says of one environment (the fields read here). */
export interface GitlabProtectedEnvironment {
  readonly name: string;
  readonly deploy_access_levels?: readonly { readonly access_level?: number | null; readonly user_id?: number | null; readonly group_id?: number | null }[];
  /** The deprecated unified approval count; approval_rules carry the per-rule counts. */
  readonly required_approval_count?: number;
  readonly approval_rules?: readonly { readonly required_approvals?: number }[];
}

export function checkGitlabEnvironments(
  environments: readonly GitlabProtectedEnvironment[],
  requirements: readonly EnvironmentRequirement[],
): EnvironmentCheck {
  const byName = new Map(environments.map((e) => [e.name, e]));
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const r of [...requirements].sort((a, b) => (a.environment < b.environment ? -1 : 1))) {
    const env = byName.get(r.environment);
    if (env === undefined) {
      problems.push(
        `environment ${r.environment} is not protected (or does not exist): GitLab would create it unprotected on first use. Protect it (Settings → CI/CD → Protected environments), allow only the platform team to deploy${r.reviewers ? ', with required approvals' : ''}, and scope its variables to it, marked protected`,
      );
      continue;
    }
    const deployers = env.deploy_access_levels ?? [];
    if (deployers.length === 0) {
      problems.push(`environment ${r.environment} allows nobody to deploy: its jobs could never run. Add the team that runs the pipeline`);
    }
    const approvals = Math.max(env.required_approval_count ?? 0, ...(env.approval_rules ?? []).map((rule) => rule.required_approvals ?? 0));
    if (r.reviewers && approvals === 0) {
      problems.push(
        `environment ${r.environment} has no required approvals: its jobs would run unapproved. Add an approval rule (the team that approves this stack's changes)`,
      );
    }
    if (r.reviewers && deployers.some((d) => (d.access_level ?? 0) > 0 && (d.access_level ?? 0) <= GITLAB_DEVELOPER_ACCESS)) {
      warnings.push(
        `environment ${r.environment} lets every Developer deploy: the approvals are then the only check; consider allowing only the platform team`,
      );
    }
  }
  return { ok: problems.length === 0, problems, warnings };
}
