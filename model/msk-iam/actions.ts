/**
 * Amazon MSK IAM access control: the `kafka-cluster:` actions a Kafka ACL grant stands for. Pure data.
 *
 * Sources (AWS, Amazon MSK Developer Guide), cited per row below:
 * - [SEMANTICS] "Semantics of IAM authorization policy actions and resources",
 *   https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html — each action, the Kafka ACL it is
 *   "equivalent to", the actions it requires alongside, and its resource type;
 * - [USE-CASES] "Common use cases for client authorization policy",
 *   https://docs.aws.amazon.com/msk/latest/developerguide/iam-access-control-use-cases.html — the actions a producer,
 *   a consumer, an idempotent producer and a transactional producer need.
 */
import type { AclOperation, AclResourceType } from '../vocabulary';

/** The IAM resource types of MSK's data plane ([SEMANTICS], "Authorization policy resources"). */
export const MSK_IAM_RESOURCE_TYPES = ['cluster', 'topic', 'group', 'transactional-id'] as const;
export type MskIamResourceType = (typeof MSK_IAM_RESOURCE_TYPES)[number];

/** The actions topicform grants, as the documentation spells them. */
export const MSK_IAM_ACTIONS = [
  'kafka-cluster:AlterGroup',
  'kafka-cluster:AlterTransactionalId',
  'kafka-cluster:Connect',
  'kafka-cluster:CreateTopic',
  'kafka-cluster:DeleteTopic',
  'kafka-cluster:DescribeGroup',
  'kafka-cluster:DescribeTopic',
  'kafka-cluster:DescribeTransactionalId',
  'kafka-cluster:ReadData',
  'kafka-cluster:WriteData',
  'kafka-cluster:WriteDataIdempotently',
] as const;
export type MskIamAction = (typeof MSK_IAM_ACTIONS)[number];

/**
 * Every client connects first: `kafka-cluster:Connect` on the cluster, required by every other action ([SEMANTICS]:
 * Connect "grants permission to connect and authenticate to the cluster", required actions "None"; [USE-CASES]: first
 * in every row).
 */
export const CONNECT: MskIamAction = 'kafka-cluster:Connect';

/** One row: the Kafka ACL (resource type and operation) and the MSK IAM actions that grant what it grants. */
export interface AclToIam {
  readonly resourceType: MskIamResourceType;
  readonly actions: readonly MskIamAction[];
}

/**
 * Kafka ACL → MSK IAM actions, for every ACL topicform derives (model/acl.ts, acl-streams.ts, connect/acl.ts). Each
 * action's own "required actions" are included, so a policy is complete without a second pass.
 */
export const ACL_TO_IAM: Readonly<Record<string, AclToIam>> = {
  // [USE-CASES] "Consume data": DescribeTopic + ReadData on the topic. [SEMANTICS] ReadData requires DescribeTopic
  // (and AlterGroup, which the reader's group grant below brings: every reader topicform declares has a group).
  'Topic:Read': { resourceType: 'topic', actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'] },
  // [USE-CASES] "Produce data": DescribeTopic + WriteData on the topic. [SEMANTICS] WriteData requires DescribeTopic.
  'Topic:Write': { resourceType: 'topic', actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'] },
  // [SEMANTICS] DescribeTopic, "equivalent to Apache Kafka's DESCRIBE TOPIC ACL".
  'Topic:Describe': { resourceType: 'topic', actions: ['kafka-cluster:DescribeTopic'] },
  // [SEMANTICS] CreateTopic, "equivalent to Apache Kafka's CREATE CLUSTER/TOPIC ACL", resource topic; [USE-CASES]
  // "Create a topic": Connect + CreateTopic. Kafka Streams creates its internal topics.
  'Topic:Create': { resourceType: 'topic', actions: ['kafka-cluster:CreateTopic'] },
  // [SEMANTICS] DeleteTopic, equivalent to DELETE TOPIC, requires DescribeTopic. Kafka Streams purges its repartition
  // topics and the reset tool deletes its internal topics.
  'Topic:Delete': { resourceType: 'topic', actions: ['kafka-cluster:DeleteTopic', 'kafka-cluster:DescribeTopic'] },
  // [USE-CASES] "Consume data": DescribeGroup + AlterGroup on the group ([SEMANTICS] AlterGroup requires DescribeGroup).
  'Group:Read': { resourceType: 'group', actions: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'] },
  // [USE-CASES] "Produce data transactionally": DescribeTransactionalId + AlterTransactionalId on the transactional id
  // ([SEMANTICS] AlterTransactionalId requires DescribeTransactionalId and WriteData; WriteData comes with the topic).
  'TransactionalID:Write': {
    resourceType: 'transactional-id',
    actions: ['kafka-cluster:AlterTransactionalId', 'kafka-cluster:DescribeTransactionalId'],
  },
  // [SEMANTICS] DescribeTransactionalId, equivalent to DESCRIBE TRANSACTIONAL_ID.
  'TransactionalID:Describe': { resourceType: 'transactional-id', actions: ['kafka-cluster:DescribeTransactionalId'] },
  // [SEMANTICS] WriteDataIdempotently, "equivalent to Apache Kafka's IDEMPOTENT_WRITE CLUSTER ACL", resource cluster,
  // requires WriteData; [USE-CASES] "Produce data idempotently" lists it beside DescribeTopic and WriteData.
  'Cluster:IdempotentWrite': { resourceType: 'cluster', actions: ['kafka-cluster:WriteDataIdempotently'] },
};

/** The IAM row for an ACL, or undefined when topicform has no mapping for it (it derives no such ACL). */
export function iamFor(resourceType: AclResourceType, operation: AclOperation): AclToIam | undefined {
  return ACL_TO_IAM[`${resourceType}:${operation}`];
}
