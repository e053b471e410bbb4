/**
 * The single door to the CDK for Terraform library.
 *
 * cdktf was archived upstream in December 2025 (last release 0.21.0). The maintained community fork, CDK Terrain
 * (npm `cdktn`), has the same API: moving to it is a change to this file's import (or an npm alias
 * `"cdktf": "npm:cdktn@…"` in package.json) and the `constructs` pin — nothing else in the code base imports cdktf.
 * ESLint enforces that (eslint.config.mjs).
 */
export {
  AnnotationMetadataEntryType,
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
/**
 * cdktf's aspect invocation and resource-move validation (not exported by the package index), which its stack
 * synthesizer runs: constructs/stack-synthesis.ts runs a stack's synthesis the same way.
 */
export { invokeAspects, StackSynthesizer } from 'cdktf/lib/synthesize/synthesizer';
export { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';
export type { IAspect, IResolvable, TerraformResourceLifecycle } from 'cdktf';
export { Construct, ConstructOrder } from 'constructs';
export type { IConstruct, IValidation } from 'constructs';
