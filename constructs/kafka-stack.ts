import { Aspects, TerraformStack, type Construct, type IConstruct } from './cdktf';
import { renderBackend } from './backend';
import { resolveRoot, type RootResult } from './declaration-root';
import { KafkaCluster } from './kafka-cluster';
import { renderMskIam } from './msk-iam';
import { ConfluentCluster } from './confluent-cluster';
import { renderConfluentTopology } from './confluent-render';
import { CONFLUENT_CLOUD_DEFAULTS } from '../model/schema/confluent';
import { environmentSource } from './environment-source';
import { renderTopology, type AdoptedResources, type BrokerDefaults, type RenderedResources } from './render';
import type { ResolveResult } from '../model/resolve';
import { environmentSchema, type Environment, type EnvironmentInput, type SourceLocation } from '../model/schema';
import type { AuthDeclaration } from '../model/schema/auth';
import { topicAddress } from '../model/naming';
import { sliceTopology } from '../model/slice';
import { requiredTerraformVersion, TARGET_VERSIONS_1_11 } from '../model/terraform-version';
import { StackRendering } from './synth/render-deferral';
import { stackJson } from './synth/stack-json';
import type { Topology } from '../model/topology';
import type { Finding } from '../rules/types';

export interface KafkaStackProps {
  /** The environment this stack manages: replication defaults, production rules, topic prefix, backend, auth. */
  readonly environment: EnvironmentInput;

  /**
   * Path of the local state file, relative to the stack's directory (`cdktf.out/stacks/<stack>/`, where terraform runs).
   *
   * @default - the environment's backend (local: '../../../terraform.<stack>.tfstate', beside cdktf.out)
   */
  readonly localStatePath?: string;

  /**
   * Resources that already exist on the cluster and are adopted rather than created: topic names and ACL ids
   * (`principal|host|operation|permission|type|name|pattern`). Each gets a Terraform `import` block, so the first plan
   * imports instead of creating; later plans ignore it. `brokerDefaults` names the configs adopted topics get from the
   * broker, which are then not written as topic overrides. `topicform import` writes this list.
   *
   * @default - nothing is adopted
   */
  readonly adopt?: AdoptedResources;
}

/**
 * The props of a stack that renders a slice of an environment resolved elsewhere: what `KafkaStack.forSlice` passes (a
 * KafkaEnvironment's stacks). It holds no declarations of its own.
 */
export interface KafkaSliceStackProps {
  readonly slice: KafkaStackSlice;
}

/** How a KafkaEnvironment hands a stack its slice. */
export interface KafkaStackSlice {
  readonly environment: Environment;
  readonly topology: Topology;
  /** The domains this stack holds; all when undefined. */
  readonly domains?: ReadonlySet<string>;
  /** Names and ids to import (adopted, or moved here from another stack). */
  readonly imports: { readonly topics: ReadonlySet<string>; readonly acls: ReadonlySet<string> };
  /** Adopted topics' broker-level configs (AdoptedResources.brokerDefaults). */
  readonly brokerDefaults?: BrokerDefaults;
  /** Declaration constructs by path, so event topics keep their construct path in the output metadata. */
  readonly byPath?: ReadonlyMap<string, IConstruct>;
}

/**
 * One Terraform stack of Kafka resources.
 *
 * Used on its own, it is a whole environment: declarations (domains, topics, groups, grants) are added under it, and
 * before synthesis it resolves, lints and renders them. A `KafkaEnvironment` instead creates one stack per environment
 * or per domain and hands each its slice of the resolved Topology.
 */
export class KafkaStack extends TerraformStack {
  static of(construct: IConstruct): KafkaStack {
    const found = [...construct.node.scopes].reverse().find((c): c is KafkaStack => c instanceof KafkaStack);
    if (found === undefined) throw new Error(`${construct.node.path} is not inside a KafkaStack`);
    return found;
  }

  /** Creates a stack that renders a slice of an environment resolved elsewhere. */
  static forSlice(scope: Construct, id: string, slice: KafkaStackSlice): KafkaStack {
    return new KafkaStack(scope, id, { slice });
  }

  readonly environment: EnvironmentInput;
  /** The environment's name. */
  readonly environmentName: string;
  /** The backend type its state uses (`local`, `s3`, …). */
  readonly backendType: string;
  /** The provider block: the Mongey Kafka provider, or the Confluent provider on platform `confluent-cloud`. */
  readonly cluster: KafkaCluster | ConfluentCluster;
  /** The domains this stack holds; undefined for a whole environment. */
  readonly domains: ReadonlySet<string> | undefined;
  private readonly adopt: { readonly topics: ReadonlySet<string>; readonly acls: ReadonlySet<string> };
  private readonly brokerDefaults: BrokerDefaults;
  private root: RootResult | undefined;
  private slice: Topology | null = null;
  /** A slice stack's declaration constructs by path, kept until its resources are rendered. */
  private byPath: ReadonlyMap<string, IConstruct> | undefined;
  /** `pending` until render() creates the resources; `released` once release() has dropped them (constructs/synth). */
  private readonly rendering = new StackRendering<RenderedResources>(this.node.path);
  /** Where a self-contained stack's environment was declared. */
  private readonly environmentSource: SourceLocation;
  /** The environment's auth, for the MSK IAM resources of an aws-iam environment (undefined when it does not parse). */
  private readonly auth: AuthDeclaration | undefined;

  /**
   * @param props a self-contained stack's environment (its declarations are added under it), or, from
   *   `KafkaStack.forSlice`, the slice of an environment resolved elsewhere
   */
  constructor(scope: Construct, id: string, stackProps: KafkaStackProps | KafkaSliceStackProps) {
    super(scope, id);
    const slice = 'slice' in stackProps ? stackProps.slice : undefined;
    const props: KafkaStackProps = 'slice' in stackProps ? { environment: stackProps.slice.environment } : stackProps;
    this.environment = props.environment;
    this.environmentSource = slice === undefined ? environmentSource(this, props.environment) : { path: this.node.path };
    // The backend and auth need a valid environment; an invalid one is reported by resolve and synth stops anyway.
    const parsed = slice?.environment ?? environmentSchema.safeParse(props.environment).data;
    const backend =
      props.localStatePath !== undefined ? { type: 'local' as const, path: props.localStatePath } : (parsed?.backend ?? { type: 'local' as const });
    const confluent = parsed?.platform === 'confluent-cloud' ? (parsed.confluent ?? CONFLUENT_CLOUD_DEFAULTS) : undefined;
    // On Confluent Cloud, `confluent.secrets: 'variables'` makes ephemeral variables just as `auth.secrets` does.
    const auth = confluent === undefined ? parsed?.auth : { mechanism: 'none' as const, tls: true, secrets: confluent.secrets };
    const terraformVersion = requiredTerraformVersion(backend, auth, parsed?.scramCredentials);
    // Context must be set before the first child; CDK Terrain checks the backend's features against it.
    if (terraformVersion !== undefined) this.node.setContext('targetVersions', TARGET_VERSIONS_1_11);
    renderBackend(this, backend, id);
    const declaredName = (props.environment as { name?: unknown }).name;
    this.environmentName = parsed?.name ?? (typeof declaredName === 'string' ? declaredName : id);
    this.backendType = backend.type;
    this.cluster = confluent === undefined ? new KafkaCluster(this, 'Cluster', parsed?.auth) : new ConfluentCluster(this, 'Cluster', confluent);
    this.auth = parsed?.auth;
    if (terraformVersion !== undefined) this.addOverride('terraform.required_version', terraformVersion);
    this.domains = slice?.domains;
    this.brokerDefaults = slice?.brokerDefaults ?? props.adopt?.brokerDefaults ?? {};
    if (slice !== undefined) {
      this.adopt = slice.imports;
      this.slice = sliceTopology(slice.topology, slice.domains);
      this.byPath = slice.byPath ?? new Map();
    } else {
      this.adopt = { topics: new Set(props.adopt?.topics ?? []), acls: new Set(props.adopt?.acls ?? []) };
    }
    // Testing.synth runs aspects but not prepareStack; the stack renders on whichever comes first.
    Aspects.of(this).add({ visit: (node) => void (node === this ? this.render() : undefined) });
  }

  /**
   * Renders the stack's resources, once: a self-contained stack first resolves and lints the declarations under it; a
   * slice stack renders the slice its environment resolved. Slice stacks render only when first needed (synthesis,
   * `resources`), so that synth can hold one stack's resources at a time (`release()`).
   */
  render(): ResolveResult {
    this.resolve();
    this.rendering.render(() => {
      const byPath = this.root?.byPath ?? this.byPath;
      this.byPath = undefined;
      return this.renderSlice(byPath);
    });
    return { topology: this.slice, issues: this.root?.issues ?? [] };
  }

  /**
   * Removes the stack's rendered resources from the construct tree once its Terraform JSON is written, so that synth
   * holds one stack's resources at a time (cdktf's tree costs ~1 KiB per resource, and a large app has 100,000s).
   * The Topology stays; `resources` is undefined afterwards, and synthesizing the stack again is an error rather than
   * an empty stack.
   */
  release(): void {
    this.render();
    this.rendering.release();
  }

  /** This stack's Topology (its slice when split per domain), or null when the declarations have errors. */
  get topology(): Topology | null {
    this.resolve();
    return this.slice;
  }

  /** Lint findings of a self-contained stack's Topology (a slice stack's findings belong to its KafkaEnvironment). */
  get findings(): readonly Finding[] {
    this.resolve();
    return this.root?.findings ?? [];
  }

  /** The Terraform resources this stack renders, by topic name and by ACL id; undefined after `release()`. */
  get resources(): RenderedResources | undefined {
    this.render();
    return this.rendering.resources;
  }

  /**
   * cdktf's prepareStack resolves every element once before synthesis resolves it again, only to find cross-stack
   * references (tokens) and wire them. Resources rendered from a Topology without a token in any value cannot hold one,
   * so a stack whose resources are not rendered yet lets cdktf prepare the rest (backend, provider, what a user added)
   * and renders them afterwards: the same output without a second resolve of every resource, which was ~40 % of
   * cdktf's time at 10,000 topics (README "Performance"). User aspects still see them: cdktf runs aspects in synthesis.
   * constructs/synth/render-deferral.ts decides.
   */
  override prepareStack(): void {
    this.resolve();
    this.rendering.prepare(
      this.slice,
      () => void this.render(),
      () => super.prepareStack(),
    );
  }

  /**
   * The stack's Terraform JSON: cdktf's, computed without resolving the stack's own rendered resources twice when
   * that gives the same value (constructs/synth/stack-json.ts).
   */
  override toTerraform(): Record<string, unknown> {
    const rendered = this.rendering.resources;
    const own =
      rendered === undefined
        ? undefined
        : new Set<IConstruct>([
            ...rendered.topics.values(),
            ...rendered.acls.values(),
            ...rendered.quotas.values(),
            ...(rendered.confluent === undefined ? [] : [...rendered.confluent.topics.values(), ...rendered.confluent.acls.values()]),
          ]);
    return (own === undefined ? undefined : stackJson(this, own)) ?? (super.toTerraform() as Record<string, unknown>);
  }

  /** A self-contained stack resolves and lints the declarations under it, once; a slice stack was handed its slice. */
  private resolve(): void {
    if (this.root !== undefined || this.byPath !== undefined || this.rendering.state !== 'pending') return;
    this.root = resolveRoot(this, this.environment, undefined, this.environmentSource);
    this.slice = this.root.topology;
  }

  private renderSlice(byPath: ReadonlyMap<string, IConstruct> | undefined): RenderedResources | undefined {
    if (this.slice === null) return undefined;
    if (this.slice.confluentCloud !== undefined) {
      // Confluent Cloud: adoption (import blocks) is not supported there yet (docs/confluent-cloud.md).
      const confluent = renderConfluentTopology(
        this.slice,
        this.slice.confluentCloud,
        { scopeFor: (path) => (byPath?.get(path) !== undefined && isInside(byPath.get(path), this) ? byPath.get(path) : undefined), fallback: this },
        this.cluster instanceof ConfluentCluster ? this.cluster.crn : undefined,
      );
      return { topics: new Map(), acls: new Map(), quotas: new Map(), credentials: new Map(), constructs: confluent.constructs, confluent };
    }
    const rendered = renderTopology(this.slice, {
      scopeFor: (path) => (byPath?.get(path) !== undefined && isInside(byPath.get(path), this) ? byPath.get(path) : undefined),
      fallback: this,
      brokerDefaults: this.brokerDefaults,
    });
    // Import blocks, written directly: cdktf's importFrom() attaches a validation that runs `terraform version` once per
    // resource (seconds per hundred resources, and a failed synth where terraform is not installed).
    // The provider's import ids: the topic name, and the ACL's 7-part id.
    const imports = [
      ...[...rendered.topics].filter(([name]) => this.adopt.topics.has(name)).map(([name]) => ({ to: `kafka_topic.${topicAddress(name)}`, id: name })),
      ...[...rendered.acls].filter(([id]) => this.adopt.acls.has(id)).map(([id, acl]) => ({ to: `kafka_acl.${acl.friendlyUniqueId}`, id })),
    ].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
    if (imports.length > 0) this.addOverride('import', imports);
    // MSK IAM policies belong to the whole environment (a principal's grants span domains): only its one stack has them.
    const mskIam = this.slice.mskIam;
    if (mskIam === undefined || this.auth === undefined || this.domains !== undefined) return rendered;
    return { ...rendered, constructs: [...rendered.constructs, ...renderMskIam(this, this.environmentName, mskIam, this.auth)] };
  }
}

function isInside(construct: IConstruct | undefined, stack: KafkaStack): boolean {
  return construct !== undefined && construct.node.scopes.includes(stack);
}
