/**
 * The schema files synth writes beside the stacks: one per environment and event topic with a schema,
 * `schemas/<environment>/<topic>.json`, holding what a Schema Registry needs for each of the topic's subjects — the
 * subject name, the compatibility setting and the JSON Schema to register:
 *
 * ```json
 * {
 *   "compatibility": "BACKWARD",
 *   "environment": "dev",
 *   "generatedBy": "topicform synth from the topic's declaration — do not edit",
 *   "subjectNaming": "TopicNameStrategy",
 *   "subjects": [{ "eventTypes": ["OrderCreated"], "schema": { … }, "schemaType": "JSON", "subject": "orders.order-created-value" }],
 *   "topic": "orders.order-created"
 * }
 * ```
 *
 * Per environment, because topic names (and so subjects) carry the environment's prefix and each environment usually
 * has its own registry. Deterministic: keys sorted at every level, subjects sorted, a final newline.
 */
import type { ResolvedEventTopic, Topology } from '../model/topology';
import { canonicalString } from '../model/canonical-json';
import { subjectNamingOf, subjectsOf } from './subjects';

/** The folder of the synth output the schema files live in. */
export const SCHEMA_ROOT = 'schemas';

/** The marker every schema file carries; synth removes stale files under `schemas/` only when they carry it. */
export const SCHEMA_FILE_MARKER = "topicform synth from the topic's declaration — do not edit";

export function schemaFilePath(environment: string, topic: string): string {
  return `${SCHEMA_ROOT}/${environment}/${topic}.json`;
}

/** The environment of a schema file path (`schemas/<env>/…`), or null for any other path. */
export function environmentOfSchemaFile(path: string): string | null {
  const parts = path.split('/');
  return parts.length === 3 && parts[0] === SCHEMA_ROOT ? (parts[1] ?? null) : null;
}

/** Whether a file's content is a schema file synth generated (safe to remove when stale). */
export function isGeneratedSchemaFile(content: string): boolean {
  return content.includes(JSON.stringify(SCHEMA_FILE_MARKER));
}

/**
 * Every schema file of the given Topologies (whole environments or stacks' slices of them, in any order), by POSIX
 * path relative to the synth output. Event topics without a schema get no file.
 */
export function schemaFiles(topologies: readonly Topology[]): ReadonlyMap<string, string> {
  const files = new Map<string, string>();
  for (const topology of topologies) {
    const env = topology.environment.name;
    for (const topic of topology.topics) {
      if (topic.kind !== 'event') continue;
      const content = renderSchemaFile(env, topic);
      if (content === null) continue;
      const path = schemaFilePath(env, topic.name);
      const existing = files.get(path);
      if (existing !== undefined && existing !== content) {
        throw new Error(`two declarations of topic ${topic.name} in environment ${env} would write different ${path}`);
      }
      files.set(path, content);
    }
  }
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The schema file of one event topic, or null when it declares no schema. */
export function renderSchemaFile(environment: string, topic: ResolvedEventTopic): string | null {
  const subjects = subjectsOf(topic);
  const subjectNaming = subjectNamingOf(topic.contract);
  if (subjects.length === 0 || subjectNaming === undefined) return null;
  const document = {
    generatedBy: SCHEMA_FILE_MARKER,
    environment,
    topic: topic.name,
    compatibility: topic.contract.compatibility,
    subjectNaming,
    subjects: subjects.map((s) => ({ subject: s.subject, eventTypes: [...s.eventTypes], schemaType: 'JSON', schema: s.schema })),
  };
  return `${canonicalString(document, 2)}\n`;
}
