// TypeScript view of the double's cluster file (format documented in cluster.cjs and README.md), for tests and
// the harness that seed it and read it back.

export interface ClusterTopic {
  partitions: number;
  replication_factor: number;
  config: Record<string, string>;
}

/** One ACL binding; the fields are the kafka_acl attribute names, in the order of the 7-part import id. */
export interface ClusterAcl {
  acl_principal: string;
  acl_host: string;
  acl_operation: string;
  acl_permission_type: string;
  resource_type: string;
  resource_name: string;
  resource_pattern_type_filter: string;
}

export interface ClusterQuota {
  entity_type: string;
  /** null for the entity type's default quota */
  entity_name: string | null;
  config: Record<string, number>;
}

/** A SCRAM credential without its password: a broker never gives one back. */
export interface ClusterScramUser {
  username: string;
  scram_mechanism: string;
  scram_iterations: number;
}

export interface ClusterFile {
  topics: Record<string, ClusterTopic>;
  acls: ClusterAcl[];
  quotas: ClusterQuota[];
  scram_users: ClusterScramUser[];
}

/** What a test may seed: every part is optional and defaults to empty. */
export type ClusterSeed = Partial<ClusterFile>;

export function completeCluster(seed: ClusterSeed = {}): ClusterFile {
  return { topics: seed.topics ?? {}, acls: seed.acls ?? [], quotas: seed.quotas ?? [], scram_users: seed.scram_users ?? [] };
}
