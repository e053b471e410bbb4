/**
 * The ACLs a Kafka Streams application needs, as the Kafka Streams security documentation lists them ("Required ACL
 * setting for secure Kafka clusters", https://kafka.apache.org/42/streams/developer-guide/security, and Confluent's
 * "Secure Deployment for Kafka Streams", https://docs.confluent.io/platform/current/streams/developer-guide/security.html):
 *
 * - Topic READ on every input topic and Topic WRITE on every output topic (Literal, in the topic owner's stack);
 * - on its internal topics — the repartition and changelog topics it creates, writes, reads, purges (DeleteRecords on
 *   repartition topics) and deletes (application reset) — STREAMS_INTERNAL_TOPIC_OPERATIONS, Prefixed on
 *   `<application.id>-`: Kafka Streams names them `<application.id>-<name>-changelog|repartition`, so the dash keeps
 *   another application whose id merely starts with this one's (`orders.totals2`) out of the grant;
 * - Group READ on the application id, Literal: the application id is its consumer group id;
 * - with `exactly_once_v2`, TransactionalID WRITE and DESCRIBE, Prefixed on `<application.id>-` (its transactional ids
 *   are `<application.id>-<process id>-<thread>`);
 * - Cluster IdempotentWrite only for brokers older than 2.8 (KIP-679), as for every other writer.
 */
import { CLUSTER_RESOURCE_NAME } from './limits';
import type { AclBinding, ResolvedStreamsApplication } from './topology';
import type { AclOperation } from './vocabulary';

/**
 * Operations on the internal topics, Prefixed on `<application.id>-`: CREATE (Streams creates them at start), READ and
 * WRITE (it writes and reads them back), DELETE (it purges consumed repartition records; the reset tool deletes them),
 * DESCRIBE (it checks their partition counts; implied by the others, listed because the documentation lists it).
 */
export const STREAMS_INTERNAL_TOPIC_OPERATIONS: readonly AclOperation[] = ['Create', 'Delete', 'Describe', 'Read', 'Write'];

/** TransactionalID operations of an exactly_once_v2 application, Prefixed on `<application.id>-`. */
export const STREAMS_TRANSACTIONAL_ID_OPERATIONS: readonly AclOperation[] = ['Describe', 'Write'];

export interface StreamsNeed {
  readonly binding: AclBinding;
  /** The domain whose stack holds the ACL; for a topic, its owner (undefined when the topic is not declared). */
  readonly topic?: string;
  readonly domain: string;
  readonly why: string;
}

const allow = (principal: string, operation: AclOperation, resourceType: AclBinding['resourceType'], resourceName: string, prefixed: boolean): AclBinding => ({
  principal,
  host: '*',
  operation,
  permission: 'Allow',
  resourceType,
  resourceName,
  patternType: prefixed ? 'Prefixed' : 'Literal',
});

/**
 * What one application needs. Topic needs carry `topic` and are placed (and dropped when undeclared) by the caller;
 * the others land in the application's domain.
 */
export function streamsNeeds(
  app: ResolvedStreamsApplication,
  options: { readonly explicitDescribe: boolean; readonly legacyIdempotentWrite: boolean },
): StreamsNeed[] {
  const who = `streams application ${app.applicationId} (${app.service})`;
  const p = app.principal;
  const needs: StreamsNeed[] = [];
  const extra: AclOperation[] = options.explicitDescribe ? ['Describe'] : [];
  for (const input of app.inputs) {
    for (const op of ['Read' as const, ...extra]) {
      needs.push({
        binding: allow(p, op, 'Topic', input.topicName, false),
        topic: input.topicName,
        domain: app.domain,
        why: `${who} reads ${input.topicName}`,
      });
    }
  }
  for (const output of app.outputs) {
    for (const op of ['Write' as const, ...extra]) {
      needs.push({
        binding: allow(p, op, 'Topic', output.topicName, false),
        topic: output.topicName,
        domain: app.domain,
        why: `${who} writes ${output.topicName}`,
      });
    }
  }
  for (const op of STREAMS_INTERNAL_TOPIC_OPERATIONS) {
    needs.push({
      binding: allow(p, op, 'Topic', app.internalPrefix, true),
      domain: app.domain,
      why: `${who} creates and uses its internal topics ${app.internalPrefix}*`,
    });
  }
  needs.push({ binding: allow(p, 'Read', 'Group', app.applicationId, false), domain: app.domain, why: `${who} joins its group` });
  if (app.processingGuarantee === 'exactly_once_v2') {
    for (const op of STREAMS_TRANSACTIONAL_ID_OPERATIONS) {
      needs.push({
        binding: allow(p, op, 'TransactionalID', app.internalPrefix, true),
        domain: app.domain,
        why: `${who} writes exactly once with transactional ids ${app.internalPrefix}*`,
      });
    }
  }
  if (options.legacyIdempotentWrite) {
    // Every application writes (its internal topics at least) with an idempotent producer.
    needs.push({
      binding: allow(p, 'IdempotentWrite', 'Cluster', CLUSTER_RESOURCE_NAME, false),
      domain: app.domain,
      why: `${who} writes with an idempotent producer on a broker older than 2.8`,
    });
  }
  return needs;
}
