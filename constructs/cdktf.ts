/**
 * The single door to the CDK for Terraform library's public API: nothing else in the code base imports cdktf (ESLint
 * enforces it, eslint.config.mjs). Everything here is what the package index exports; the internals topicform relies on
 * (deep modules under `cdktf/lib`, private fields, the token encoding) live in constructs/synth/internals.ts alone.
 *
 * cdktf was archived upstream on 2025-12-10 (last release 0.21.0). The maintained fork, CDK Terrain (npm `cdktn`), has
 * the same API and runs under this name through an npm alias, `"cdktf": "npm:cdktn@…"`, plus its `constructs` pin
 * (docs/runtimes.md). Importing `cdktn` here instead would not do: the generated bindings and users' apps import
 * `cdktf`, and two libraries in one app do not recognize each other's constructs. Both libraries keep the same internals;
 * test/runtimes/cdktf-internals.test.ts checks each one on whichever is installed, in CI's cdktf and cdktn legs.
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
  TerraformLocal,
  TerraformVariable,
  TerraformElement,
  TerraformResource,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, IResolvable, TerraformResourceLifecycle } from 'cdktf';
export { Construct, ConstructOrder } from 'constructs';
export type { IConstruct, IValidation } from 'constructs';
