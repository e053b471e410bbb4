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
  DefaultTokenResolver,
  StringConcat,
  Tokenization,
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
/**
 * cdktf's deep merge (lib/util.js; not exported by the package index), which its TerraformStack.toTerraform() merges
 * element fragments with: constructs/stack-json.ts must merge exactly as it does (arrays concatenated, undefined
 * deleting a key).
 */
export { deepMerge } from 'cdktf/lib/util';
export type { IAspect, IResolvable, TerraformResourceLifecycle } from 'cdktf';
export { Construct } from 'constructs';
export type { IConstruct, IValidation } from 'constructs';
