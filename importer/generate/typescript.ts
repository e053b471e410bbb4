/**
 * Import plan → readable declaration files, written the way topics/orders.ts is: one file per domain exporting
 * `(scope: Construct) => Domain`, helpers (`Replay.window(Duration.days(7))`, `KafkaPrincipal.user(…)`) instead of raw
 * strings, a comment wherever a value was reconstructed or assumed. Output is deterministic: the plan is sorted and
 * nothing depends on time or on the machine.
 */
import { durationCode } from '../duration';
import { camelIdentifier, principalName } from '../naming';
import { clientBlocks, clientTopicNames } from './clients';
import type { ImportPlan, PlannedDomain, PlannedGroup, PlannedLegacyAcl, PlannedProducer, PlannedTopic, UnmanagedTopic } from '../plan/types';
import { formatMs, toMs, type DurationString } from '../../model/duration';
import { Retries } from '../../model/declare';
import type { Suppression } from '../../model/schema';

export interface GenerateOptions {
  /**
   * The module the generated files import `Domain`, `Replay`, … from, relative to the topics folder.
   *
   * @default '../constructs'
   */
  readonly constructsModule?: string;
  /**
   * The folder (relative to the output directory) the domain files go to.
   *
   * @default 'topics'
   */
  readonly topicsDir?: string;
}

export interface GeneratedFile {
  /** Relative to the output directory, `/`-separated. */
  readonly path: string;
  readonly content: string;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const MAX_VARIABLE_LENGTH = 40;

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** `5000000` → `5_000_000`, as the hand-written declarations write large numbers. */
export function numberLiteral(n: number): string {
  return Math.abs(n) >= 10_000 && Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_') : String(n);
}

export function principalCode(principal: string): string {
  const type = principal.slice(0, principal.indexOf(':'));
  const name = principalName(principal);
  return type === 'User' ? `KafkaPrincipal.user(${quote(name)})` : `KafkaPrincipal.of(${quote(type)}, ${quote(name)})`;
}

/** `Retries.exponential(…)` when the delays are exactly what it produces, otherwise `Retries.tiers(…)`. */
function retriesCode(delays: readonly DurationString[]): string {
  const first = delays[0];
  if (first !== undefined && delays.length > 1) {
    const exponential = Retries.exponential({ attempts: delays.length, first });
    if (exponential.join() === delays.join()) return `Retries.exponential({ attempts: ${delays.length}, first: ${durationCode(first)} })`;
  }
  return `Retries.tiers(${delays.map(durationCode).join(', ')})`;
}

/** Writes indented lines. */
export class Writer {
  private readonly lines: string[] = [];
  line(indent: number, text = ''): void {
    this.lines.push(text === '' ? '' : `${'  '.repeat(indent)}${text}`);
  }
  /** A `//` comment wrapped at `width`; `hanging` indents the continuation lines (list items). */
  comment(indent: number, text: string, hanging = '', width = 116): void {
    wrap(text, width - indent * 2 - 3 - hanging.length).forEach((l, i) => this.line(indent, `// ${i === 0 ? '' : hanging}${l}`));
  }
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

export function suppressionsBlock(w: Writer, indent: number, suppressions: readonly Suppression[]): void {
  if (suppressions.length === 0) return;
  w.line(indent, 'suppressions: [');
  for (const s of [...suppressions].sort((a, b) => compare(a.ruleId, b.ruleId))) {
    w.line(indent + 1, `{ ruleId: ${quote(s.ruleId)}, reason: ${quote(s.reason)} },`);
  }
  w.line(indent, '],');
}

export function recordCode(record: Readonly<Record<string, string>>): string {
  const entries = Object.entries(record).sort(([a], [b]) => compare(a, b));
  return `{ ${entries.map(([k, v]) => `${quote(k)}: ${quote(v)}`).join(', ')} }`;
}

export interface Used {
  Duration: boolean;
  KafkaPrincipal: boolean;
  Replay: boolean;
  Retries: boolean;
}

function topicBlock(w: Writer, t: PlannedTopic, variable: string | undefined, used: Used): void {
  for (const note of t.notes) w.comment(1, note);
  w.line(1, `${variable === undefined ? '' : `const ${variable} = `}domain.addEventTopic(${quote(t.event)}, {`);
  if (t.topicName !== undefined) w.line(2, `topicName: ${quote(t.topicName)},`);
  w.line(2, `eventTypes: [${t.eventTypes.map(quote).join(', ')}], // guessed from the topic name: list the event types it carries`);
  w.line(2, `partitions: ${numberLiteral(t.partitions)},`);
  used.Replay = true;
  used.Duration = true;
  if (t.replay.kind === 'window') {
    const exact = toMs(t.replay.window);
    const human = formatMs(exact);
    w.line(2, `replay: Replay.window(${durationCode(t.replay.window)}),${human.includes(' ') ? ` // ${human}` : ''}`);
  } else {
    const expiry = t.replay.expireAfter === undefined ? '' : `, expireAfter: ${durationCode(t.replay.expireAfter)}`;
    w.line(2, `replay: Replay.full({ longestReindex: ${durationCode(t.replay.longestReindex)}${expiry} }),`);
  }
  const replication = [
    ...(t.replicationFactor === undefined ? [] : [`factor: ${t.replicationFactor}`]),
    ...(t.minInsyncReplicas === undefined ? [] : [`minInsyncReplicas: ${t.minInsyncReplicas}`]),
  ];
  if (replication.length > 0) w.line(2, `replication: { ${replication.join(', ')} },`);
  if (t.retentionBytes !== undefined) w.line(2, `retentionBytes: ${numberLiteral(t.retentionBytes)},`);
  if (Object.keys(t.config).length > 0) {
    const inline = `config: ${recordCode(t.config)},`;
    if (inline.length <= 100) {
      w.line(2, inline);
    } else {
      w.line(2, 'config: {');
      for (const [k, v] of Object.entries(t.config).sort(([a], [b]) => compare(a, b))) w.line(3, `${quote(k)}: ${quote(v)},`);
      w.line(2, '},');
    }
  }
  suppressionsBlock(w, 2, t.suppressions);
  w.line(1, '});');
}

function producerLine(w: Writer, p: PlannedProducer, variable: string, used: Used): void {
  used.KafkaPrincipal = true;
  const options = [
    `service: ${quote(p.service)}`,
    ...(p.transactionalIdPrefix === undefined ? [] : [`transactionalIdPrefix: ${quote(p.transactionalIdPrefix)}`]),
  ];
  if (p.suppressions.length === 0) {
    w.line(1, `${variable}.grantProduce(${principalCode(p.principal)}, { ${options.join(', ')} });`);
    return;
  }
  w.line(1, `${variable}.grantProduce(${principalCode(p.principal)}, {`);
  for (const o of options) w.line(2, `${o},`);
  suppressionsBlock(w, 2, p.suppressions);
  w.line(1, '});');
}

function groupOptions(w: Writer, indent: number, g: PlannedGroup, used: Used): void {
  used.KafkaPrincipal = true;
  w.line(indent, `service: ${quote(g.service)},`);
  w.line(indent, `principal: ${principalCode(g.principal)},`);
  if (g.groupId !== undefined) w.line(indent, `groupId: ${quote(g.groupId)},`);
  if (!g.deadLetter) w.line(indent, 'deadLetter: false,');
  if (g.deadLetter && g.deadLetterShape !== undefined) {
    const shape = g.deadLetterShape;
    if (shape.retention !== undefined) used.Duration = true;
    const fields = [
      ...(shape.partitions === undefined ? [] : [`partitions: ${numberLiteral(shape.partitions)}`]),
      ...(shape.retention === undefined ? [] : [`retention: ${durationCode(shape.retention)}`]),
      ...(shape.config === undefined ? [] : [`config: ${recordCode(shape.config)}`]),
    ];
    w.line(indent, `deadLetter: { ${fields.join(', ')} }, // the shape of its dead-letter topics on the cluster`);
  }
  if (g.retries.length > 0) {
    used.Retries = true;
    used.Duration = true;
    w.line(indent, `retries: ${retriesCode(g.retries)},`);
    if (g.retryPartitions !== undefined) w.line(indent, `retryPartitions: ${numberLiteral(g.retryPartitions)}, // as on the cluster`);
  }
  suppressionsBlock(w, indent, g.suppressions);
}

function groupBlock(w: Writer, g: PlannedGroup, variables: ReadonlyMap<string, string>, used: Used): void {
  for (const note of g.notes) w.comment(1, note);
  const [only] = g.subscriptions;
  const ownVariable = only === undefined ? undefined : variables.get(only.topicName);
  if (g.subscriptions.length === 1 && only !== undefined && only.topic.domain === g.domain && ownVariable !== undefined) {
    w.line(1, `${ownVariable}.addConsumerGroup(${quote(g.name)}, {`);
    groupOptions(w, 2, g, used);
    w.line(1, '});');
    return;
  }
  w.line(1, 'domain');
  w.line(2, `.addConsumerGroup(${quote(g.name)}, {`);
  groupOptions(w, 3, g, used);
  w.line(2, '})');
  g.subscriptions.forEach((s, i) => {
    const target = variables.get(s.topicName) ?? `{ domain: ${quote(s.topic.domain)}, event: ${quote(s.topic.event)} }`;
    const reason = s.reason === undefined ? '' : `, { reason: ${quote(s.reason)} }`;
    w.line(2, `.subscribe(${target}${reason})${i === g.subscriptions.length - 1 ? ';' : ''}`);
  });
}

function legacyBlock(w: Writer, l: PlannedLegacyAcl): void {
  const b = l.binding;
  for (const note of l.notes ?? []) w.comment(1, note);
  w.line(1, `domain.addLegacyAcl(${quote(l.id)}, {`);
  w.line(2, `principal: ${quote(b.principal)},`);
  if (b.host !== '*') w.line(2, `host: ${quote(b.host)},`);
  w.line(2, `operation: ${quote(b.operation)},`);
  w.line(2, `permission: ${quote(b.permission)},`);
  w.line(2, `resourceType: ${quote(b.resourceType)},`);
  w.line(2, `resourceName: ${quote(b.resourceName)},`);
  if (b.patternType !== 'Literal') w.line(2, `patternType: ${quote(b.patternType)},`);
  w.line(2, `reason: ${quote(l.reason)},`);
  w.line(1, '});');
}

function unmanagedComment(w: Writer, indent: number, topics: readonly UnmanagedTopic[]): void {
  if (topics.length === 0) return;
  w.comment(indent, 'Left on the cluster, unmanaged (no declaration creates, changes or deletes them):');
  for (const t of topics) {
    const configs = Object.entries(t.overrides)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    w.comment(indent, `- ${t.name} (${t.partitions} partitions, replication ${t.replicationFactor}${configs === '' ? '' : `, ${configs}`}): ${t.reason}`, '  ');
  }
}

/** What the files were generated from: `the "prod" cluster`, `kafka-gitops state.yaml`. */
function originOf(plan: ImportPlan): string {
  return plan.origin ?? `the "${plan.environment}" cluster`;
}

/** The function name a domain's file exports. */
export function domainFunctionName(domain: string): string {
  return camelIdentifier(domain, 'Domain');
}

export function renderDomainFile(d: PlannedDomain, plan: ImportPlan, options: GenerateOptions = {}): string {
  const body = new Writer();
  const used: Used = { Duration: false, KafkaPrincipal: false, Replay: false, Retries: false };
  const referenced = new Set<string>([
    ...d.producers.map((p) => p.topicName),
    ...d.groups.flatMap((g) => g.subscriptions.map((s) => s.topicName)),
    ...clientTopicNames(d),
  ]);
  const variables = new Map<string, string>();
  const taken = new Set<string>();
  for (const t of d.topics) {
    if (!referenced.has(t.name)) continue;
    // Very long event names (Kafka allows 249 characters) make unreadable variables: cut them, keeping them unique.
    const base = camelIdentifier(t.event, 'Topic').slice(0, MAX_VARIABLE_LENGTH);
    let variable = base;
    for (let i = 2; taken.has(variable); i++) variable = `${base}${i}`;
    taken.add(variable);
    variables.set(t.name, variable);
  }

  const fn = domainFunctionName(d.name);
  body.line(0, `/** ${d.name}: imported from ${originOf(plan)} by \`topicform import\`. */`);
  body.line(0, `export function ${fn}(scope: Construct): Domain {`);
  body.line(1, `const domain = new Domain(scope, ${quote(d.name)}, {`);
  body.line(2, `owner: ${quote(d.owner)}, // review: the team that owns these topics`);
  body.line(2, `description: ${quote(d.description)},`);
  suppressionsBlock(body, 2, d.suppressions);
  body.line(1, '});');

  for (const t of d.topics) {
    body.line(0);
    topicBlock(body, t, variables.get(t.name), used);
    for (const p of d.producers.filter((x) => x.topicName === t.name)) producerLine(body, p, variables.get(t.name) ?? 'domain', used);
    for (const g of d.groups.filter(
      (x) => x.subscriptions.length === 1 && x.subscriptions[0]?.topicName === t.name && x.subscriptions[0].topic.domain === d.name,
    )) {
      groupBlock(body, g, variables, used);
    }
  }
  const otherGroups = d.groups.filter(
    (g) => !(g.subscriptions.length === 1 && g.subscriptions[0]?.topic.domain === d.name && variables.has(g.subscriptions[0].topicName)),
  );
  for (const g of otherGroups) {
    body.line(0);
    groupBlock(body, g, variables, used);
  }
  clientBlocks(body, d, variables, taken, used);
  if (d.legacyAcls.length > 0) {
    body.line(0);
    body.comment(
      1,
      'ACLs on the cluster that no declaration above derives. Each is kept on purpose until someone replaces it with declared access (lint lists every one: TF-ACL-002).',
    );
    for (const l of d.legacyAcls) legacyBlock(body, l);
  }
  const unmanaged = plan.unmanagedTopics.filter((t) => t.domain === d.name);
  if (unmanaged.length > 0) {
    body.line(0);
    unmanagedComment(body, 1, unmanaged);
  }
  body.line(0);
  body.line(1, 'return domain;');
  body.line(0, '}');

  const helpers = ['Domain', ...(Object.keys(used) as Array<keyof Used>).filter((k) => used[k])].sort(compare);
  const head = new Writer();
  head.comment(
    0,
    `Generated by \`topicform import\` from ${originOf(plan)}. Review it before committing: the owner, the description, the event types (guessed from topic names) and every suppression whose reason starts with "imported" or "migrated" stand for decisions only the owning team can make; a suppression "declared as …" keeps a value the cluster (or the migrated descriptor) has that the rules want otherwise, and says what they want and why. \`topicform import --force\` overwrites this file.`,
  );
  head.line(0, "import type { Construct } from 'constructs';");
  head.line(0, `import { ${helpers.join(', ')} } from ${quote(options.constructsModule ?? '../constructs')};`);
  head.line(0);
  return `${head.toString()}${body.toString()}`;
}

export function renderIndexFile(plan: ImportPlan, options: GenerateOptions = {}): string {
  const w = new Writer();
  const names = plan.domains.map((d) => d.name);
  const env = plan.environment;
  w.comment(0, `Generated by \`topicform import\` from ${originOf(plan)}: the imported domains. To use them, add them to topics/index.ts`);
  w.line(0, '//');
  w.line(0, "//   import { importedDomains } from './imported';");
  w.line(0, '//   export const domains: Readonly<Record<string, DomainDeclarer>> = { ...yourDomains, ...importedDomains };');
  w.line(0, '//');
  w.comment(0, `and adopt what exists in the "${env}" stack from adopted/${env}.json (KafkaStackProps.adopt), so the first plan imports instead of creating.`);
  w.line(0, "import type { Construct } from 'constructs';");
  w.line(0, `import type { Domain } from ${quote(options.constructsModule ?? '../constructs')};`);
  for (const d of plan.domains) w.line(0, `import { ${domainFunctionName(d.name)} } from ${quote(`./${domainModule(d.name)}`)};`);
  w.line(0);
  w.line(0, '/** The domains `topicform import` generated, by name. */');
  const entries = plan.domains.map((d) => (domainFunctionName(d.name) === d.name ? d.name : `${quote(d.name)}: ${domainFunctionName(d.name)}`));
  w.line(0, `export const importedDomains: Readonly<Record<string, (scope: Construct) => Domain>> = { ${entries.join(', ')} };`);
  const withoutFile = plan.unmanagedTopics.filter((t) => t.domain === undefined || !names.includes(t.domain));
  if (withoutFile.length > 0) {
    w.line(0);
    unmanagedComment(w, 0, withoutFile);
  }
  return w.toString();
}

/**
 * KafkaStackProps.adopt as JSON: `{ "acls": [...], "brokerDefaults": { topic: { key: value } }, "topics": [...] }`,
 * sorted; `brokerDefaults` only when some adopted topic gets a derived config from the broker.
 */
export function renderAdoptFile(plan: ImportPlan): string {
  const brokerDefaults = Object.fromEntries(
    Object.entries(plan.adopt.brokerDefaults)
      .sort(([a], [b]) => compare(a, b))
      .map(([topic, configs]) => [topic, Object.fromEntries(Object.entries(configs).sort(([a], [b]) => compare(a, b)))]),
  );
  return `${JSON.stringify({ acls: [...plan.adopt.acls].sort(compare), ...(Object.keys(brokerDefaults).length === 0 ? {} : { brokerDefaults }), topics: [...plan.adopt.topics].sort(compare) }, null, 2)}\n`;
}

/** The module name (file name without `.ts`) of a domain's file; never one of the topics folder's own files. */
export function domainModule(domain: string): string {
  return domain === 'index' || domain === 'imported' ? `${domain}-domain` : domain;
}

export function generateFiles(plan: ImportPlan, options: GenerateOptions = {}): GeneratedFile[] {
  const dir = options.topicsDir ?? 'topics';
  return [
    ...plan.domains.map((d) => ({ path: `${dir}/${domainModule(d.name)}.ts`, content: renderDomainFile(d, plan, options) })),
    { path: `${dir}/imported.ts`, content: renderIndexFile(plan, options) },
    { path: `adopted/${plan.environment}.json`, content: renderAdoptFile(plan) },
  ];
}
