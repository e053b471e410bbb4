/**
 * Helpers for the contract tests: zod → JSON Schema the way the constructs convert it, and the seed domains (or a
 * variant) declared under a KafkaStack, resolved and linted without cdktf's validations (so lint errors come back as
 * findings, not a throw).
 */
import type { z } from 'zod';
import { Testing } from '../../constructs/cdktf';
import { KafkaStack } from '../../constructs';
import { toJsonSchema } from '../../contracts/convert';
import type { JsonSchemaObject } from '../../contracts/json-schema';
import { formatIssue } from '../../model/issues';
import type { EnvironmentInput } from '../../model/schema';
import type { ResolvedEventTopic, Topology } from '../../model/topology';
import type { Finding } from '../../rules/types';
import { DEV, PROD } from '../helpers/synth';

export { DEV, PROD };

/** The JSON Schema the constructs store for a zod schema. */
export function json(schema: z.ZodType): JsonSchemaObject {
  const converted = toJsonSchema(schema);
  if (!converted.ok) throw new Error(converted.message);
  return converted.schema;
}

export interface Linted {
  readonly stack: KafkaStack;
  readonly topology: Topology;
  readonly findings: readonly Finding[];
}

export function lintDeclared(declare: (stack: KafkaStack) => void, environment: EnvironmentInput = DEV): Linted {
  const stack = new KafkaStack(Testing.app(), environment.name, { environment });
  declare(stack);
  const result = stack.render();
  if (result.topology === null) {
    throw new Error(`the declarations do not resolve:\n${result.issues.map((i) => `  ${i.source.path} › ${formatIssue(i)}`).join('\n')}`);
  }
  return { stack, topology: result.topology, findings: stack.findings };
}

export function eventTopic(topology: Topology, name: string): ResolvedEventTopic {
  const topic = topology.topics.find((t) => t.name === name);
  if (topic?.kind !== 'event') throw new Error(`no event topic ${name}`);
  return topic;
}

/** A Topology with one event topic's contract replaced, the way a change to its declaration would (a deep copy). */
export function withContract(topology: Topology, name: string, change: (contract: ResolvedEventTopic['contract']) => ResolvedEventTopic['contract']): Topology {
  return {
    ...topology,
    topics: topology.topics.map((t) => (t.kind === 'event' && t.name === name ? { ...t, contract: change(structuredClone(t.contract)) } : t)),
  };
}
