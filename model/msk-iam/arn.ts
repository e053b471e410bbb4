/**
 * MSK IAM resource ARNs and policy documents. Pure.
 *
 * ARN forms from "Authorization policy resources" in "Semantics of IAM authorization policy actions and resources"
 * (https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html) and the resource types of the Service
 * Authorization Reference's "Apache Kafka APIs for Amazon MSK clusters" page: every data-plane ARN repeats the cluster
 * ARN's partition, region, account, cluster name and cluster UUID —
 *   arn:<partition>:kafka:<region>:<account>:cluster/<cluster-name>/<cluster-uuid>
 *   arn:<partition>:kafka:<region>:<account>:topic/<cluster-name>/<cluster-uuid>/<topic-name>
 *   arn:<partition>:kafka:<region>:<account>:group/<cluster-name>/<cluster-uuid>/<group-id>
 *   arn:<partition>:kafka:<region>:<account>:transactional-id/<cluster-name>/<cluster-uuid>/<transactional-id>
 * and a `*` in the resource part is a wildcard (the example policy of "Create authorization policies for the IAM role"
 * grants `topic/MyTestCluster/*`): a prefix grant is the name followed by `*`.
 */
import { MSK_CLUSTER_ARN_PATTERN } from '../schema/auth';
import type { MskIamResource, MskIamStatement } from '../topology';

/** The parts of a cluster ARN every resource ARN repeats. */
export interface ClusterArnParts {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly clusterName: string;
  readonly clusterUuid: string;
}

/**
 * Placeholders for a cluster ARN not known at synth time: Terraform `templatefile()` variables (and `envsubst` names),
 * so one artifact serves whoever substitutes them.
 */
export const CLUSTER_ARN_PLACEHOLDERS: ClusterArnParts = {
  partition: '${partition}',
  region: '${region}',
  account: '${account}',
  clusterName: '${cluster_name}',
  clusterUuid: '${cluster_uuid}',
};

/** The parts of a cluster ARN, or undefined when it is not one. */
export function parseClusterArn(arn: string): ClusterArnParts | undefined {
  const m = MSK_CLUSTER_ARN_PATTERN.exec(arn);
  if (m === null) return undefined;
  const [, partition, region, account, clusterName, clusterUuid] = m as unknown as [string, string, string, string, string, string];
  return { partition, region, account, clusterName, clusterUuid };
}

export function resourceArn(cluster: ClusterArnParts, r: MskIamResource): string {
  const base = `arn:${cluster.partition}:kafka:${cluster.region}:${cluster.account}`;
  if (r.type === 'cluster') return `${base}:cluster/${cluster.clusterName}/${cluster.clusterUuid}`;
  return `${base}:${r.type}/${cluster.clusterName}/${cluster.clusterUuid}/${r.name}${r.prefix ? '*' : ''}`;
}

/** IAM's current policy language version; required for policy variables and the documented examples use it. */
export const IAM_POLICY_VERSION = '2012-10-17';

export interface IamPolicyDocument {
  readonly Version: typeof IAM_POLICY_VERSION;
  readonly Statement: ReadonlyArray<{ readonly Effect: 'Allow'; readonly Action: readonly string[]; readonly Resource: readonly string[] }>;
}

/** The policy document (IAM JSON policy grammar) of a principal's statements against one cluster. */
export function policyDocument(statements: readonly MskIamStatement[], cluster: ClusterArnParts): IamPolicyDocument {
  return {
    Version: IAM_POLICY_VERSION,
    Statement: statements.map((s) => ({ Effect: 'Allow', Action: [...s.actions], Resource: s.resources.map((r) => resourceArn(cluster, r)) })),
  };
}
