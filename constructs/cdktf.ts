/**
 * The single door to the CDK for Terraform library: nothing else in the code base imports cdktf (ESLint enforces it,
 * eslint.config.mjs), and everything below that the package index does not export is an internal topicform relies on.
 *
 * cdktf was archived upstream on 2025-12-10 (last release 0.21.0). The maintained fork, CDK Terrain (npm `cdktn`), has
 * the same API and runs under this name through an npm alias, `"cdktf": "npm:cdktn@…"`, plus its `constructs` pin
 * (docs/runtimes.md). Importing `cdktn` here instead would not do: the generated bindings and users' apps import
 * `cdktf`, and two libraries in one app do not recognize each other's constructs. Both libraries keep every internal
 * below; test/runtimes/cdktf-internals.test.ts checks each one on whichever is installed, in CI's cdktf and cdktn legs.
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
