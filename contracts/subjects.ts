/**
 * How a topic's declared schemas map to Schema Registry subjects.
 *
 * The shape of the declaration decides the subject naming strategy, and the resolved contract says which one:
 * - `schema` (one schema for every event on the topic — a union such as zod's discriminatedUnion when the topic carries
 *   several event types): TopicNameStrategy, one subject `<topic>-value`;
 * - `schemas` (one schema per event type): TopicRecordNameStrategy, one subject `<topic>-<EventType>` per type. The
 *   registry's JSON Schema serializer takes the record name from the schema's `title`, so each schema is registered
 *   with `title` set to its event type.
 */
import { impliedSubjectNaming, type ContractDeclaration, type SubjectNamingStrategy } from '../model/schema';
import type { ResolvedEventTopic } from '../model/topology';
import type { JsonSchemaObject } from './json-schema';

export interface Subject {
  /** The registry subject, e.g. `orders.order-created-value` or `search.document-changed-DocumentDeleted`. */
  readonly subject: string;
  /** The event types whose events are written with this subject's schema. */
  readonly eventTypes: readonly string[];
  /** The JSON Schema to register (with `title` = the event type under TopicRecordNameStrategy). */
  readonly schema: JsonSchemaObject;
}

/** The strategy of a contract: the resolved one, else the one its shape implies; undefined when it declares no schema. */
export function subjectNamingOf(contract: Pick<ContractDeclaration, 'schema' | 'schemas' | 'subjectNaming'>): SubjectNamingStrategy | undefined {
  return contract.subjectNaming ?? impliedSubjectNaming(contract);
}

/** The subjects of an event topic (empty when it declares no schema), sorted by subject. */
export function subjectsOf(topic: Pick<ResolvedEventTopic, 'name' | 'eventTypes' | 'contract'>): Subject[] {
  const { schema, schemas } = topic.contract;
  if (schemas !== undefined) {
    return Object.keys(schemas)
      .sort()
      .flatMap((eventType) => {
        const s = schemas[eventType];
        return s === undefined ? [] : [{ subject: `${topic.name}-${eventType}`, eventTypes: [eventType], schema: { ...s, title: eventType } }];
      });
  }
  if (schema !== undefined) return [{ subject: `${topic.name}-value`, eventTypes: [...topic.eventTypes], schema }];
  return [];
}

/** The schemas an event topic declares, by the name review and lint report them under: `value`, or the event type. */
export function declaredSchemas(contract: Pick<ContractDeclaration, 'schema' | 'schemas'>): ReadonlyMap<string, JsonSchemaObject> {
  const { schema, schemas } = contract;
  if (schemas !== undefined) {
    return new Map(
      Object.keys(schemas)
        .sort()
        .flatMap((k) => {
          const s = schemas[k];
          return s === undefined ? [] : [[k, s] as const];
        }),
    );
  }
  return schema === undefined ? new Map() : new Map([['value', schema]]);
}
