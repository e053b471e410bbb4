import { Construct, type IConstruct } from './cdktf';
import { freeId, isDeclaration } from './declaration';
import { resolveRoot } from './declaration-root';
import { environmentSource } from './environment-source';
import { KafkaStack } from './kafka-stack';
import type { AdoptedResources, BrokerDefaults } from './render';
import { attachIssues } from './validation';
import { aclAddress } from '../model/acl';
import type { Issue } from '../model/issues';
import { topicAddress } from '../model/naming';
import { hasRates, quotaAddress } from '../model/quota';
import { scramCredentialAddress } from '../model/scram';
import type { LocatedIssue } from '../model/resolve';
import { connectTopics } from '../model/resolve/connect';
import { didYouMean } from '../model/did-you-mean';
import { environmentSchema, type Environment, type EnvironmentInput, type SourceLocation } from '../model/schema';
import { stackName } from '../model/slice';
import type { Topology } from '../model/topology';
import type { Finding } from '../rules/types';

export interface KafkaEnvironmentProps {
  /** The environment: cluster defaults, layout, backend, auth, scaling, moves (model/schema/environment.ts). */
  readonly environment: EnvironmentInput;

  /**
   * Resources that already exist on the cluster (topic names, 7-part ACL ids): each gets an `import` block in the stack
   * that holds it; `brokerDefaults` names the configs adopted topics get from the broker (not written as overrides).
   * `topicform import` writes this list.
   *
   * @default - nothing is adopted
   */
  readonly adopt?: AdoptedResources;
}

export interface EnvironmentResult {
  readonly issues: readonly LocatedIssue[];
  readonly topology: Topology | null;
  readonly findings: readonly Finding[];
  /** The stacks of this environment (none when the declarations have errors). */
  readonly stacks: readonly KafkaStack[];
}

/**
 * One environment's cluster. Domains declare their topics under it (`orders(environment)`); before synthesis it
 * resolves and lints the whole environment once, then creates its Terraform stacks — one for the environment, or one
 * per domain (`layout: 'domain'`: small states, parallel plans) — each rendering its slice. Resources that moved
 * between stacks (a layout switch, a domain moved) are imported by their new stack and forgotten by the old one
 * (`removed` with `destroy = false`), so nothing is destroyed.
 */
export class KafkaEnvironment extends Construct {
  readonly environment: EnvironmentInput;
  /** The environment's name as declared (the construct id differs when two environments share a name). */
  readonly environmentName: string;
  /** Where the environment was declared: its entry in environments.ts when that module exports it, else the caller. */
  readonly source: SourceLocation;
  private readonly parsed: Environment | undefined;
  /** The environment of the same name declared before this one, if any: this one is then only a duplicate error. */
  private readonly duplicateOf: KafkaEnvironment | undefined;
  private readonly adopt: { readonly topics: ReadonlySet<string>; readonly acls: ReadonlySet<string> };
  private readonly brokerDefaults: BrokerDefaults;
  private result: EnvironmentResult | undefined;

  constructor(scope: Construct, id: string, props: KafkaEnvironmentProps) {
    const first = scope.node.tryFindChild(id);
    super(scope, freeId(scope, id));
    this.duplicateOf = first instanceof KafkaEnvironment ? first : undefined;
    this.environmentName = id;
    this.environment = props.environment;
    this.source = environmentSource(this, props.environment);
    this.parsed = environmentSchema.safeParse(props.environment).data;
    this.adopt = { topics: new Set(props.adopt?.topics ?? []), acls: new Set(props.adopt?.acls ?? []) };
    this.brokerDefaults = props.adopt?.brokerDefaults ?? {};
  }

  /** Whether this environment carries a domain (its `domains` list, or all when it has none). */
  carries(domain: string): boolean {
    return this.parsed?.domains === undefined || this.parsed.domains.includes(domain);
  }

  /** Resolves, lints and creates the stacks, once. */
  render(): EnvironmentResult {
    if (this.result !== undefined) return this.result;
    if (this.duplicateOf !== undefined) {
      // Its declarations are the first one's again: one error, at this declaration.
      const issue: LocatedIssue = {
        source: this.source,
        path: 'name',
        code: 'duplicate-environment',
        message: `environment "${this.environmentName}" is declared twice (first at ${where(this.duplicateOf.source)})`,
      };
      attachIssues(this, [issue]);
      this.result = { issues: [issue], topology: null, findings: [], stacks: [] };
      return this.result;
    }
    const root = resolveRoot(this, this.environment, this.parsed?.layout, this.source);
    const env = this.parsed;
    const issues: LocatedIssue[] = [...root.issues];
    let stacks: KafkaStack[] = [];
    // The environment's own lists are checked against what is declared in it whether or not the declarations resolve.
    const layoutIssues = env === undefined ? [] : this.checkLayout(env);
    issues.push(...layoutIssues);
    if (root.topology !== null && env !== undefined && layoutIssues.length === 0) stacks = this.createStacks(env, root.topology, root.byPath);
    this.result = {
      issues,
      topology: stacks.length === 0 && issues.some((i) => (i.severity ?? 'error') === 'error') ? null : root.topology,
      findings: root.findings,
      stacks,
    };
    return this.result;
  }

  private checkLayout(env: Environment): LocatedIssue[] {
    if ((env.domains ?? []).length === 0 && env.moves.length === 0) return [];
    // The domains declared in this environment, and, for a did-you-mean, in any environment of the app.
    const domainsUnder = (scope: IConstruct): string[] =>
      scope.node
        .findAll()
        .filter(isDeclaration)
        .filter((d) => d.declarationKind === 'domain')
        .map((d) => d.declaredName);
    const declared = new Set(domainsUnder(this));
    const guess = (name: string): { hint?: string } => {
      const known = [...new Set(domainsUnder(this.node.root))].sort();
      const close = didYouMean(name, known);
      return close === undefined ? {} : { hint: `did you mean "${close}"?` };
    };
    const problems: Issue[] = [];
    (env.domains ?? []).forEach((d, i) => {
      if (!declared.has(d)) {
        problems.push({
          path: `domains[${i}]`,
          code: 'environment-domain-not-declared',
          message: `environment "${env.name}" carries domain "${d}", which is not declared`,
          ...guess(d),
        });
      }
    });
    env.moves.forEach((move, i) => {
      move.domains.forEach((d, j) => {
        if (!declared.has(d)) {
          problems.push({
            path: `moves[${i}].domains[${j}]`,
            code: 'move-of-unknown-domain',
            message: `a move names domain "${d}", which environment "${env.name}" does not carry`,
            ...guess(d),
          });
        } else if (stackName(env.name, env.layout, d) === move.from) {
          problems.push({
            path: `moves[${i}].from`,
            code: 'move-to-same-stack',
            message: `domain "${d}" is still in stack "${move.from}"; a move needs the stack it left`,
          });
        }
      });
    });
    attachIssues(
      this,
      problems.map((p) => ({ ...p, path: `${where(this.source)} › ${p.path}` })),
    );
    return problems.map((p) => ({ ...p, source: this.source }));
  }

  private createStacks(env: Environment, topology: Topology, byPath: ReadonlyMap<string, IConstruct>): KafkaStack[] {
    const groups: Array<{ name: string; domains?: ReadonlySet<string> }> =
      env.layout === 'environment'
        ? [{ name: stackName(env.name, 'environment') }]
        : topology.domains.map((d) => ({ name: stackName(env.name, 'domain', d.name), domains: new Set([d.name]) }));
    const movedDomains = new Set(env.moves.flatMap((m) => m.domains));
    const inDomains = (domain: string, set: ReadonlySet<string> | undefined): boolean => set === undefined || set.has(domain);
    // kafka_quota cannot be imported: while a move is declared, a moved domain's quotas are forgotten by the old stack
    // and left on the cluster as they are; the new stack creates them (an upsert) once the move is removed. SCRAM
    // credentials move the same way: an imported one holds no password version, so its first plan would send the
    // password anyway, and an upsert with the same password changes nothing for the clients.
    const sliced = movedDomains.size === 0 ? topology : withoutMoved(topology, movedDomains);

    // A moved domain's resources are imported by their new stack; adopted ones by whichever stack holds them. Found in
    // one pass (usually none), then split per stack.
    // Kafka Connect's storage and dead-letter topics move with their domain like any topic.
    const allTopics = [...topology.topics, ...connectTopics(topology.connect)];
    const toImport = {
      topics: allTopics.filter((t) => movedDomains.has(t.domain) || this.adopt.topics.has(t.name)),
      acls: topology.acls.filter((a) => movedDomains.has(a.domain) || this.adopt.acls.has(a.id)),
    };
    const stacks = groups.map(({ name, domains }) => {
      const topics = new Set(toImport.topics.filter((t) => inDomains(t.domain, domains)).map((t) => t.name));
      const acls = new Set(toImport.acls.filter((a) => inDomains(a.domain, domains)).map((a) => a.id));
      return KafkaStack.forSlice(this, name, {
        environment: env,
        topology: sliced,
        ...(domains === undefined ? {} : { domains }),
        imports: { topics, acls },
        brokerDefaults: this.brokerDefaults,
        byPath,
      });
    });

    // The stacks resources left forget them without destroying them; a stack that no longer holds anything is kept
    // (with only `removed` blocks) until it has been applied once.
    const forgotten = new Map<string, Array<{ from: string; lifecycle: { destroy: false } }>>();
    for (const move of env.moves) {
      const moved = new Set(move.domains);
      const blocks = [
        ...allTopics.filter((t) => moved.has(t.domain)).map((t) => `kafka_topic.${topicAddress(t.name)}`),
        ...topology.acls.filter((a) => moved.has(a.domain)).map((a) => `kafka_acl.${aclAddress(a)}`),
        ...(topology.quotas ?? []).filter((q) => moved.has(q.domain) && hasRates(q)).map((q) => `kafka_quota.${quotaAddress(q)}`),
        ...(topology.scramCredentials ?? []).filter((c) => moved.has(c.domain)).map((c) => `kafka_user_scram_credential.${scramCredentialAddress(c)}`),
      ].map((from) => ({ from, lifecycle: { destroy: false as const } }));
      forgotten.set(move.from, [...(forgotten.get(move.from) ?? []), ...blocks]);
    }
    for (const [from, blocks] of [...forgotten].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const stack =
        stacks.find((s) => s.node.id === from) ??
        KafkaStack.forSlice(this, from, { environment: env, topology, domains: new Set<string>(), imports: { topics: new Set(), acls: new Set() } });
      if (!stacks.includes(stack)) stacks.push(stack);
      stack.addOverride(
        'removed',
        blocks.sort((a, b) => (a.from < b.from ? -1 : 1)),
      );
    }
    return stacks.sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
  }
}

/** The Topology without the quotas and SCRAM credentials of moved domains (see createStacks). */
function withoutMoved(topology: Topology, moved: ReadonlySet<string>): Topology {
  return {
    ...topology,
    ...(topology.quotas === undefined ? {} : { quotas: topology.quotas.filter((q) => !moved.has(q.domain)) }),
    ...(topology.scramCredentials === undefined ? {} : { scramCredentials: topology.scramCredentials.filter((c) => !moved.has(c.domain)) }),
  };
}

function where(source: SourceLocation): string {
  return source.file === undefined ? source.path : `${source.file}${source.line === undefined ? '' : `:${source.line}`}`;
}
