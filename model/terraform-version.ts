/**
 * The oldest Terraform a stack's output needs, written as `terraform { required_version }` so that an older terraform
 * stops at `terraform init` with "Unsupported Terraform Core version" instead of an error about an argument it does not
 * know (`ephemeral` in a variable, `use_lockfile` in the S3 backend, a write-only `password_wo`). Stacks that use none state no version: the
 * rest of what topicform writes runs on any terraform with `import` and `removed` blocks.
 */
import type { AuthDeclaration } from './schema/auth';
import type { BackendDeclaration } from './schema/backend';
import type { ScramCredentialsDeclaration } from './schema/credentials';

/**
 * Terraform 1.11. Ephemeral input variables (credential variables, `secrets: 'variables'`) arrived in 1.10; S3 native
 * state locking (`use_lockfile`, on by default) is experimental in 1.10 and generally available from 1.11, and the
 * production state lock should not rest on an experimental feature. 1.11 is also the version the workflows install
 * and the end-to-end tests run.
 */
export const TERRAFORM_1_11 = '>= 1.11';

/**
 * TERRAFORM_1_11 as CDK Terrain's `targetVersions` context (npm semver ranges per product). cdktn 0.24 validates a
 * feature against the versions a project says it targets, assuming Terraform >= 1.5.7 when none are given, so an S3
 * backend with `use_lockfile` fails its synth unless the stack states what its `required_version` already says.
 * OpenTofu reads the same `required_version`, so both products get the same range. cdktf 0.21 ignores the key.
 */
export const TARGET_VERSIONS_1_11: Readonly<Record<'terraform' | 'opentofu', string>> = { terraform: '>=1.11.0', opentofu: '>=1.11.0' };

/** Every value topicform writes as `required_version` (the guard accepts these and no other). */
export const REQUIRED_TERRAFORM_VERSIONS: readonly string[] = [TERRAFORM_1_11];

/**
 * The version constraint a stack's output states, or undefined when it uses nothing newer than `removed` blocks. SCRAM
 * credentials (write-only `password_wo`, Terraform 1.11, from ephemeral variables) count for every stack of the
 * environment that declares them: the constraint is decided before a stack knows which credentials it holds.
 */
export function requiredTerraformVersion(
  backend: BackendDeclaration,
  auth: AuthDeclaration | undefined,
  scramCredentials?: ScramCredentialsDeclaration,
): string | undefined {
  const lockfile = backend.type === 's3' && backend.useLockfile;
  const ephemeral = auth?.secrets === 'variables';
  const writeOnly = scramCredentials !== undefined && Object.keys(scramCredentials.principals).length > 0;
  return lockfile || ephemeral || writeOnly ? TERRAFORM_1_11 : undefined;
}
