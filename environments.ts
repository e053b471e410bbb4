import type { EnvironmentInput } from './model/schema';

/**
 * The clusters this repository manages, validated on synth (model/schema/environment.ts). Only names of variables and
 * non-secret settings live here: terraform reads credentials from the environment in CI, synth never does.
 *
 * - dev: a single-broker cluster; a tenth of the declared replay windows and traffic, so retention and partitions
 *   shrink with lint judging the scaled values. Plaintext, no SASL.
 * - staging: production-like replication without the production rules, topic names prefixed so a shared cluster can
 *   host it.
 * - prod: production rules (replication ≥ 3, 2 ≤ min.insync.replicas < replication, prevent_destroy), one stack per
 *   domain so each plan stays small and one domain's mistake cannot touch another's state. Terraform creates a
 *   SCRAM-SHA-512 credential for every service principal; each password comes from CI's secret store as
 *   TF_VAR_kafka_scram_password_<user> (ephemeral: never in the plan or the state), and bumping a passwordVersion
 *   rotates it (docs/credentials.md).
 * - msk: the same declarations on Amazon MSK with IAM access control (docs/msk-iam.md): no Kafka ACLs; per principal an
 *   IAM policy from its grants, attached in this stack to the principal's existing IAM role (`shop-<name>` by default,
 *   order-service's named by ARN), the cluster ARN from TF_VAR_msk_cluster_arn; terraform and the clients sign in
 *   with the AWS credentials of their environment.
 * - confluent: the same declarations on a Confluent Cloud cluster (docs/confluent-cloud.md): topics as
 *   confluent_kafka_topic, the same grants as confluent_kafka_acl in the name of each principal's service account. The
 *   cluster id, REST endpoint and API keys come from the provider's environment (KAFKA_ID, KAFKA_REST_ENDPOINT,
 *   KAFKA_API_KEY / KAFKA_API_SECRET, CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET), never from synth.
 */
export const environments: readonly EnvironmentInput[] = [
  {
    name: 'dev',
    production: false,
    replicationFactor: 1,
    minInsyncReplicas: 1,
    scaling: { replayWindow: 0.1, throughput: 0.1 },
    auth: { mechanism: 'none', tls: false },
  },
  {
    name: 'staging',
    production: false,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    topicPrefix: 'staging.',
  },
  {
    name: 'prod',
    production: true,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    layout: 'domain',
    scramCredentials: {
      mechanism: 'SCRAM-SHA-512',
      iterations: 8192,
      principals: {
        'User:catalog-service': { passwordVersion: '1' },
        'User:notification-service': { passwordVersion: '1' },
        'User:order-service': { passwordVersion: '1' },
        'User:order-totals': { passwordVersion: '1' },
        'User:payment-service': { passwordVersion: '1' },
        'User:search-connect': { passwordVersion: '1' },
        'User:search-document-sink': { passwordVersion: '1' },
        'User:search-indexer': { passwordVersion: '1' },
      },
    },
  },
  {
    name: 'msk',
    production: true,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    auth: {
      mechanism: 'aws-iam',
      aws: {
        clusterArn: 'arn:aws:kafka:eu-west-1:123456789012:cluster/shop/5e0c7a3b-9d1f-4c2e-8b6a-2f4d1c9e7a01-3',
        iam: {
          defaultRole: 'shop-{name}',
          roles: { 'User:order-service': 'arn:aws:iam::123456789012:role/kafka/orders-writer' },
        },
      },
    },
  },
  {
    name: 'confluent',
    platform: 'confluent-cloud',
    production: true,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    // Service account ids are not secrets: each is the Confluent Cloud account the principal's API keys belong to.
    confluent: {
      serviceAccounts: {
        'User:catalog-service': 'sa-1catal0',
        'User:notification-service': 'sa-2notif0',
        'User:order-service': 'sa-3order0',
        'User:order-totals': 'sa-4total0',
        'User:payment-service': 'sa-5paymt0',
        'User:search-connect': 'sa-6conct0',
        'User:search-document-sink': 'sa-7dsink0',
        'User:search-indexer': 'sa-8indxr0',
      },
    },
  },
];
