/**
 * The ACLs Kafka Connect needs, per principal, from the "ACL requirements" tables of the Apache Kafka documentation
 * (Kafka Connect › User Guide › Security, docs/kafka-connect/user-guide.md; the exactly-once rows from KIP-618):
 *
 * - worker principal: Group READ on the cluster's `group.id`; Topic READ + WRITE on the config, offset and status
 *   storage topics (no CREATE: Terraform creates them); with exactly-once source support, TransactionalID WRITE on
 *   `connect-cluster-<group.id>` (DESCRIBE is implied by WRITE) and, on brokers older than 2.8 only, Cluster
 *   IdempotentWrite;
 * - source connector principal: Topic WRITE on its target topics; with `exactly.once.support`, TransactionalID WRITE
 *   Prefixed on `<group.id>-<connector>-` (its tasks' ids `<group.id>-<connector>-<taskId>`) and Topic DESCRIBE on the
 *   cluster's offsets topic (implied when it is the worker principal, which reads and writes that topic);
 * - sink connector principal: Group READ on its group (`connect-<connector>` by default), Topic READ on the topics it
 *   reads, Topic WRITE on its dead-letter topic (`errors.deadletterqueue.topic.name`).
 */
import { allow, type AclNeed, type AclOptions } from '../acl';
import { CLUSTER_RESOURCE_NAME } from '../limits';
import type { ResolvedConnect } from '../topology';
import type { AclOperation } from '../vocabulary';
import { workerTransactionalId } from './naming';

/** Topic domains by topic name (event topics and Connect's own), so each ACL lands in the stack of the resource's owner. */
export function connectAclNeeds(connect: ResolvedConnect | undefined, owners: ReadonlyMap<string, string>, options: AclOptions): AclNeed[] {
  if (connect === undefined) return [];
  const needs: AclNeed[] = [];
  const topicNeed = (principal: string, ops: readonly AclOperation[], topic: string, why: string): void => {
    const domain = owners.get(topic);
    if (domain === undefined) return; // an unknown topic is reported by resolve, not granted
    const all: AclOperation[] = options.explicitDescribe && !ops.includes('Describe') ? [...ops, 'Describe'] : [...ops];
    for (const op of all) needs.push({ binding: allow(principal, op, 'Topic', topic), domain, why });
  };
  const idempotentWrite = (principal: string, domain: string, why: string): void => {
    if (options.legacyIdempotentWrite) needs.push({ binding: allow(principal, 'IdempotentWrite', 'Cluster', CLUSTER_RESOURCE_NAME), domain, why });
  };
  const clusters = new Map(connect.clusters.map((c) => [c.groupId, c]));
  for (const c of connect.clusters) {
    const who = `connect cluster ${c.groupId} (${c.service})`;
    needs.push({ binding: allow(c.principal, 'Read', 'Group', c.groupId), domain: c.domain, why: `${who} workers join their group` });
    for (const t of [c.storage.config, c.storage.offset, c.storage.status]) {
      topicNeed(c.principal, ['Read', 'Write'], t.name, `${who} keeps its ${t.kind.slice('connect-'.length)} storage in ${t.name}`);
    }
    if (c.exactlyOnceSource) {
      const id = workerTransactionalId(c.groupId);
      needs.push({
        binding: allow(c.principal, 'Write', 'TransactionalID', id),
        domain: c.domain,
        why: `${who} leader writes the config topic transactionally as ${id}`,
      });
      idempotentWrite(c.principal, c.domain, `${who} uses exactly-once source support on a broker older than 2.8`);
    }
  }
  for (const k of connect.connectors) {
    const who = `${k.type} connector ${k.cluster.groupId}/${k.name} (${k.service})`;
    if (k.type === 'source') {
      for (const t of k.topics) topicNeed(k.principal, ['Write'], t.topicName, `${who} writes ${t.topicName}`);
      const cluster = clusters.get(k.cluster.groupId);
      if (k.transactionalIdPrefix !== null && cluster !== undefined) {
        needs.push({
          binding: allow(k.principal, 'Write', 'TransactionalID', k.transactionalIdPrefix, true),
          domain: k.domain,
          why: `${who} tasks use transactional ids ${k.transactionalIdPrefix}*`,
        });
        if (k.principal !== cluster.principal) {
          topicNeed(k.principal, ['Describe'], cluster.storage.offset.name, `${who} checks its offsets topic ${cluster.storage.offset.name} (exactly-once)`);
        }
        idempotentWrite(k.principal, k.domain, `${who} is exactly-once on a broker older than 2.8`);
      }
      continue;
    }
    if (k.groupId !== null) needs.push({ binding: allow(k.principal, 'Read', 'Group', k.groupId), domain: k.domain, why: `${who} joins its group` });
    for (const t of k.topics) topicNeed(k.principal, ['Read'], t.topicName, `${who} reads ${t.topicName}`);
    if (k.deadLetter !== null) topicNeed(k.principal, ['Write'], k.deadLetter.name, `${who} dead-letters to ${k.deadLetter.name}`);
  }
  return needs;
}
