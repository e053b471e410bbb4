/**
 * Contract review: the event schemas of two Topologies (base and head of a change; e.g. two `topology.json` files of
 * one stack) compared topic by topic under the head's compatibility mode. Pure; review/ renders the findings.
 *
 * Verdicts:
 * - BLOCK: a change that breaks readers in a direction the head's mode checks (BACKWARD: the new schema must read old
 *   events; FORWARD: the old schema must read new events; FULL: both), an event type dropped that old events in the
 *   log still carry (BACKWARD), or added where old readers must read every new event (FORWARD);
 * - WARN: the mode itself was weakened (BACKWARD → NONE, FULL → BACKWARD, …) — and then each change that only the
 *   weakened mode lets through —, a breaking change under NONE, a change the checker cannot decide, a dropped schema,
 *   a change of subject naming (the registry starts new subjects without history), and a transitive mode checked
 *   against the base version only;
 * - SAFE: compatible changes, a schema added, a stronger mode.
 */
import type { CompatibilityMode } from '../model/vocabulary';
import type { ResolvedEventTopic, Topology } from '../model/topology';
import { diffSchemas, type SchemaChange } from './compatibility';
import { checkAgainstHistory } from './history';
import { canonicalString } from '../model/canonical-json';
import { jsonEqual, ROOT_PATH, type JsonSchema, type JsonSchemaObject } from './json-schema';
import { checksOf, modeChange, type Direction } from './modes';
import { RULE_DOCS, type ChangeRule } from './rules';
import { declaredSchemas, subjectNamingOf } from './subjects';

export const CONTRACT_VERDICTS = ['BLOCK', 'WARN', 'SAFE'] as const;
export type ContractVerdict = (typeof CONTRACT_VERDICTS)[number];

/** Findings about the contract as a whole rather than one schema change. */
export const CONTRACT_RULES = [
  'compatibility-weakened',
  'compatibility-strengthened',
  'schema-added',
  'schema-removed',
  'event-type-added',
  'event-type-removed',
  'subject-naming-changed',
  'transitive-checked-against-base-only',
] as const;
export type ContractRule = (typeof CONTRACT_RULES)[number] | ChangeRule;

export interface ContractFinding {
  /** Stable: `<topic>/<schema>/<path>/<rule>`; review prefixes the stack. */
  readonly id: string;
  readonly verdict: ContractVerdict;
  readonly rule: ContractRule;
  /** The Kafka topic name. */
  readonly topic: string;
  /** Which schema of the topic: `value` (one schema for the topic) or the event type (one schema per type). */
  readonly schema: string;
  /** Field path in the event (`items[].sku`, `customer.email`); `$` for the whole event or the contract itself. */
  readonly path: string;
  /** The directions the change breaks readers in (empty: compatible both ways). */
  readonly breaks: readonly Direction[];
  /** The head's compatibility mode, which the verdict applies. */
  readonly mode: CompatibilityMode;
  /** One line: what changed. */
  readonly title: string;
  /** Why the verdict, and what to do. */
  readonly reason: string;
}

export interface ContractReviewOptions {
  /**
   * Earlier versions of a schema (oldest first, the base version last or absent) for transitive modes. Without it a
   * transitive mode is checked against the base version only, with a WARN saying so.
   */
  readonly history?: (topic: string, schema: string) => readonly JsonSchema[] | undefined;
}

/** Compares the contracts of the event topics present in both Topologies. */
export function reviewContracts(base: Topology, head: Topology, options: ContractReviewOptions = {}): ContractFinding[] {
  const before = eventTopics(base);
  const findings: ContractFinding[] = [];
  for (const [name, after] of eventTopics(head)) {
    const old = before.get(name);
    if (old !== undefined) findings.push(...reviewTopic(old, after, options));
  }
  return findings.sort(compareFindings);
}

function eventTopics(t: Topology): Map<string, ResolvedEventTopic> {
  return new Map(t.topics.flatMap((x) => (x.kind === 'event' ? [[x.name, x] as const] : [])));
}

function reviewTopic(before: ResolvedEventTopic, after: ResolvedEventTopic, options: ContractReviewOptions): ContractFinding[] {
  // Most contracts do not change: one structural comparison, no strings built.
  if (jsonEqual(before.contract, after.contract)) return [];
  const out = new Findings(after.name, after.contract.compatibility);
  const oldMode = before.contract.compatibility;
  const mode = after.contract.compatibility;
  const change = modeChange(oldMode, mode);
  if (change === 'weakened') {
    out.add(
      'WARN',
      'compatibility-weakened',
      'value',
      ROOT_PATH,
      [],
      `compatibility ${oldMode} → ${mode}`,
      `the contract now checks less (${describeChecks(mode)} instead of ${describeChecks(oldMode)}); changes the old mode would block are reported as WARN`,
    );
  } else if (change === 'strengthened') {
    out.add(
      'SAFE',
      'compatibility-strengthened',
      'value',
      ROOT_PATH,
      [],
      `compatibility ${oldMode} → ${mode}`,
      `the contract now checks ${describeChecks(mode)}`,
    );
  }

  const oldNaming = subjectNamingOf(before.contract);
  const newNaming = subjectNamingOf(after.contract);
  const oldSchemas = declaredSchemas(before.contract);
  const newSchemas = declaredSchemas(after.contract);
  if (oldNaming === undefined && newNaming === undefined) return out.list;
  if (oldNaming === undefined) {
    out.add(
      'SAFE',
      'schema-added',
      'value',
      ROOT_PATH,
      [],
      'the topic now declares its event schema',
      `registered under ${newNaming ?? ''}; from now on review checks its changes under ${mode}`,
    );
    return out.list;
  }
  if (newNaming === undefined) {
    out.add(
      'WARN',
      'schema-removed',
      'value',
      ROOT_PATH,
      [],
      'the topic no longer declares its event schema',
      'the events in the log keep their shape; without a schema review can no longer tell breaking changes from safe ones',
    );
    return out.list;
  }
  if (oldNaming !== newNaming) {
    out.add(
      'WARN',
      'subject-naming-changed',
      'value',
      ROOT_PATH,
      [],
      `subject naming ${oldNaming} → ${newNaming}`,
      'a registry files the schemas under new subjects with no earlier versions, so it checks nothing against the old ones: the whole-topic comparison below stands in for it',
    );
    compareSchemas(out, 'value', topicUnion(oldSchemas), topicUnion(newSchemas), oldMode, options);
    return out.list;
  }
  for (const name of [...new Set([...oldSchemas.keys(), ...newSchemas.keys()])].sort()) {
    const o = oldSchemas.get(name);
    const n = newSchemas.get(name);
    if (o !== undefined && n !== undefined) compareSchemas(out, name, o, n, oldMode, options);
    else if (n !== undefined) {
      out.judge(
        'event-type-added',
        name,
        ROOT_PATH,
        ['forward'],
        `event type ${name} added`,
        oldMode,
        'readers on the old schemas meet events of a type they have no schema for',
      );
    } else {
      out.judge(
        'event-type-removed',
        name,
        ROOT_PATH,
        ['backward'],
        `event type ${name} removed`,
        oldMode,
        'the log still holds its events: new readers (and every replay) meet events they have no schema for',
      );
    }
  }
  return out.list;
}

function compareSchemas(out: Findings, name: string, before: JsonSchema, after: JsonSchema, oldMode: CompatibilityMode, options: ContractReviewOptions): void {
  if (jsonEqual(before, after)) return;
  const changes = diffSchemas(before, after);
  for (const c of changes) out.change(name, c, oldMode);
  const { transitive } = checksOf(out.mode);
  if (!transitive || changes.length === 0) return;
  const history = options.history?.(out.topic, name);
  if (history === undefined) {
    out.add(
      'WARN',
      'transitive-checked-against-base-only',
      name,
      ROOT_PATH,
      [],
      `${out.mode} checked against the base version only`,
      'a transitive mode needs every earlier version; review compares base and head: check the older versions in the registry (or pass a history)',
    );
    return;
  }
  const older = history.filter((h) => canonicalString(h) !== canonicalString(before));
  const reported = new Set(out.list.map((f) => f.id));
  for (const f of checkAgainstHistory(older, after, out.mode)) {
    const finding = out.make(
      'BLOCK',
      f.rule,
      name,
      f.path,
      [f.direction],
      f.message,
      `breaks version ${f.againstVersion} of the history (${out.mode} checks every earlier version): ${RULE_DOCS[f.rule].reason}`,
    );
    if (!reported.has(finding.id)) {
      reported.add(finding.id);
      out.list.push(finding);
    }
  }
}

/** The per-event-type schemas as one union (each titled with its type), for comparing across a change of subject naming. */
function topicUnion(schemas: ReadonlyMap<string, JsonSchemaObject>): JsonSchema {
  const only = schemas.get('value');
  if (only !== undefined && schemas.size === 1) return only;
  const options = [...schemas.entries()].map(([type, s]) => {
    // An embedded schema is not a resource root: its dialect is the union's.
    const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$schema'));
    return { ...rest, title: type };
  });
  return { anyOf: options };
}

function describeChecks(mode: CompatibilityMode): string {
  const { directions, transitive } = checksOf(mode);
  if (directions.length === 0) return 'nothing';
  return `${directions.join(' and ')}${transitive ? ' against every earlier version' : ''}`;
}

class Findings {
  readonly list: ContractFinding[] = [];

  constructor(
    readonly topic: string,
    readonly mode: CompatibilityMode,
  ) {}

  make(
    verdict: ContractVerdict,
    rule: ContractRule,
    schema: string,
    path: string,
    breaks: readonly Direction[],
    title: string,
    reason: string,
  ): ContractFinding {
    return {
      id: `${this.topic}/${schema}/${path}/${rule}`,
      verdict,
      rule,
      topic: this.topic,
      schema,
      path,
      breaks: [...breaks],
      mode: this.mode,
      title,
      reason,
    };
  }

  add(verdict: ContractVerdict, rule: ContractRule, schema: string, path: string, breaks: readonly Direction[], title: string, reason: string): void {
    this.list.push(this.make(verdict, rule, schema, path, breaks, title, reason));
  }

  /** A schema change: BLOCK when it breaks a direction the mode checks. */
  change(schema: string, c: SchemaChange, oldMode: CompatibilityMode): void {
    if (c.undecided) {
      this.add('WARN', c.rule, schema, c.path, [], c.summary, `not checked: ${RULE_DOCS[c.rule].reason}`);
      return;
    }
    this.judge(c.rule, schema, c.path, c.breaks, c.summary, oldMode, RULE_DOCS[c.rule].reason);
  }

  judge(rule: ContractRule, schema: string, path: string, breaks: readonly Direction[], title: string, oldMode: CompatibilityMode, why: string): void {
    const checked = checksOf(this.mode).directions.filter((d) => breaks.includes(d));
    const checkedBefore = checksOf(oldMode).directions.filter((d) => breaks.includes(d));
    const broken = breaks.map(describeDirection).join(' and ');
    if (checked.length > 0) {
      this.add('BLOCK', rule, schema, path, breaks, title, `breaks ${checked.map(describeDirection).join(' and ')}, which ${this.mode} requires: ${why}`);
    } else if (checkedBefore.length > 0) {
      this.add(
        'WARN',
        rule,
        schema,
        path,
        breaks,
        title,
        `breaks ${broken}: ${oldMode} would block it, and the mode was weakened to ${this.mode} in the same change: ${why}`,
      );
    } else if (breaks.length > 0 && this.mode === 'NONE') {
      this.add('WARN', rule, schema, path, breaks, title, `breaks ${broken}; compatibility NONE checks nothing: ${why}`);
    } else {
      this.add(
        'SAFE',
        rule,
        schema,
        path,
        breaks,
        title,
        breaks.length === 0 ? 'compatible both ways' : `compatible under ${this.mode} (breaks only ${broken}, which it does not check)`,
      );
    }
  }
}

function describeDirection(d: Direction): string {
  return d === 'backward' ? 'BACKWARD (new schema reads old events)' : 'FORWARD (old schema reads new events)';
}

function compareFindings(a: ContractFinding, b: ContractFinding): number {
  const v = CONTRACT_VERDICTS.indexOf(a.verdict) - CONTRACT_VERDICTS.indexOf(b.verdict);
  if (v !== 0) return v;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
