import { Aspects, LocalBackend, TerraformStack, type Construct, type IConstruct } from './cdktf';
import { isDeclaration, type DeclarationConstruct } from './declaration';
import { KafkaCluster } from './kafka-cluster';
import { renderTopology } from './render';
import { attachIssues } from './validation';
import type { Issue } from '../model/issues';
import { resolve, type Declarations, type ResolveResult } from '../model/resolve';
import type { EnvironmentInput } from '../model/schema';
import type { Topology } from '../model/topology';
import { lint } from '../rules/run';
import type { Finding } from '../rules/types';

export interface KafkaStackProps {
  /** The environment this stack manages: replication defaults, production rules, topic prefix. */
  readonly environment: EnvironmentInput;

  /**
   * Path of the local state file, relative to the stack's directory (`cdktf.out/stacks/<stack>/`, where terraform runs).
   * It points out of the generated tree: state must never live where synth rewrites files.
   *
   * @default '../../../terraform.<stack>.tfstate' (beside cdktf.out)
   */
  readonly localStatePath?: string;

  /**
   * Resources that already exist on the cluster and are adopted rather than created: topic names and ACL ids
   * (`principal|host|operation|permission|type|name|pattern`). Each gets a Terraform `import` block, so the first plan
   * imports instead of creating; later plans ignore it. `topicform import` writes this list.
   *
   * @default - nothing is adopted
   */
  readonly adopt?: { readonly topics?: readonly string[]; readonly acls?: readonly string[] };
}

/**
 * One Terraform stack for one environment's Kafka cluster. Declarations (domains, topics, groups, grants) are added
 * under it; before synthesis the stack collects them, resolves them into a Topology with the model, attaches every
 * issue to the construct it is about, and renders the L1 resources.
 */
export class KafkaStack extends TerraformStack {
  static of(construct: IConstruct): KafkaStack {
    const found = [...construct.node.scopes].reverse().find((c): c is KafkaStack => c instanceof KafkaStack);
    if (found === undefined) throw new Error(`${construct.node.path} is not inside a KafkaStack`);
    return found;
  }

  readonly environment: EnvironmentInput;
  readonly cluster: KafkaCluster;
  private readonly adopt: { readonly topics: ReadonlySet<string>; readonly acls: ReadonlySet<string> };
  private result: ResolveResult | undefined;
  private lintFindings: readonly Finding[] = [];

  constructor(scope: Construct, id: string, props: KafkaStackProps) {
    super(scope, id);
    this.environment = props.environment;
    this.adopt = { topics: new Set(props.adopt?.topics ?? []), acls: new Set(props.adopt?.acls ?? []) };
    new LocalBackend(this, { path: props.localStatePath ?? `../../../terraform.${id}.tfstate` });
    this.cluster = new KafkaCluster(this, 'Cluster');
    // Testing.synth runs aspects but not prepareStack; the stack renders on whichever comes first.
    Aspects.of(this).add({ visit: (node) => void (node === this ? this.render() : undefined) });
  }

  /** Resolves the declarations under this stack and renders them, once. */
  render(): ResolveResult {
    if (this.result !== undefined) return this.result;
    const declarations = this.node.findAll().filter(isDeclaration);
    const result = resolve(collect(declarations), this.environment);
    const byPath = new Map<string, IConstruct>(declarations.map((d) => [d.node.path, d]));
    const issuesByConstruct = new Map<IConstruct, Issue[]>();
    for (const issue of result.issues) {
      const target = byPath.get(issue.source.path) ?? this;
      const where = issue.source.file === undefined ? '' : `${issue.source.file}${issue.source.line === undefined ? '' : `:${issue.source.line}`} › `;
      const list = issuesByConstruct.get(target) ?? [];
      list.push({ ...issue, path: `${where}${issue.path}` });
      issuesByConstruct.set(target, list);
    }
    for (const [construct, issues] of issuesByConstruct) attachIssues(construct, issues);
    if (result.topology !== null) {
      this.lintFindings = lint(result.topology);
      attachFindings(this.lintFindings, (path) => byPath.get(path) ?? this);
      const rendered = renderTopology(result.topology, { scopeFor: (path) => byPath.get(path), fallback: this });
      // The provider's import ids: the topic name, and the ACL's 7-part id.
      for (const [name, topic] of [...rendered.topics].sort(([a], [b]) => (a < b ? -1 : 1))) if (this.adopt.topics.has(name)) topic.importFrom(name);
      for (const [id, acl] of [...rendered.acls].sort(([a], [b]) => (a < b ? -1 : 1))) if (this.adopt.acls.has(id)) acl.importFrom(id);
    }
    this.result = result;
    return result;
  }

  /** Lint findings of this stack's Topology, suppressed ones included (empty when the declarations have errors). */
  get findings(): readonly Finding[] {
    this.render();
    return this.lintFindings;
  }

  /** The resolved Topology, or null when the declarations have errors. */
  get topology(): Topology | null {
    return this.render().topology;
  }

  override prepareStack(): void {
    this.render();
    super.prepareStack();
  }
}

/** Unsuppressed lint errors stop synth like any validation error; warnings become annotations. */
function attachFindings(findings: readonly Finding[], constructAt: (path: string) => IConstruct): void {
  const byConstruct = new Map<IConstruct, Issue[]>();
  for (const f of findings) {
    if (f.suppressed !== undefined || f.level === 'info') continue;
    const where = f.subject.source.file === undefined ? '' : `${f.subject.source.file}${f.subject.source.line === undefined ? '' : `:${f.subject.source.line}`} › `;
    const issue: Issue = { path: `${where}${f.field}`, code: f.ruleId, message: `[${f.ruleId}] ${f.message}`, hint: f.fix, severity: f.level === 'error' ? 'error' : 'warning' };
    const target = constructAt(f.subject.source.path);
    byConstruct.set(target, [...(byConstruct.get(target) ?? []), issue]);
  }
  for (const [construct, issues] of byConstruct) attachIssues(construct, issues);
}

function collect(declarations: readonly DeclarationConstruct[]): Declarations {
  const of = (kind: DeclarationConstruct['declarationKind']): Array<Record<string, unknown>> =>
    declarations.filter((d) => d.declarationKind === kind).map((d) => d.toDeclaration());
  return { domains: of('domain'), topics: of('topic'), consumerGroups: of('consumerGroup'), producers: of('producer'), legacyAcls: of('legacyAcl') };
}
