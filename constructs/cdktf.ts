/**
 * The single door to the CDK for Terraform library.
 *
 * cdktf was archived upstream in December 2025 (last release 0.21.0). The maintained community fork, CDK Terrain
 * (npm `cdktn`), has the same API: moving to it is a change to this file's import (or an npm alias
 * `"cdktf": "npm:cdktn@…"` in package.json) and the `constructs` pin — nothing else in the code base imports cdktf.
 * ESLint enforces that (eslint.config.mjs).
 */
export {
  Annotations,
  Aspects,
  App,
  Fn,
  LocalBackend,
  S3Backend,
  GcsBackend,
  AzurermBackend,
  HttpBackend,
  RemoteBackend,
  NamedRemoteWorkspace,
  Lazy,
  TerraformOutput,
  TerraformStack,
  TerraformVariable,
  TerraformElement,
  TerraformResource,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, IResolvable, TerraformResourceLifecycle } from 'cdktf';
export { Construct } from 'constructs';
export type { IConstruct, IValidation } from 'constructs';
