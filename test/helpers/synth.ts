/**
 * Synthesizes declarations in a test stack WITH validations on (cdktf's Testing.synth skips them unless asked) and
 * returns the parsed Terraform JSON and the resolved Topology.
 */
import { Testing } from '../../constructs/cdktf';
import { KafkaStack } from '../../constructs';
import type { EnvironmentInput } from '../../model/schema';
import type { Topology } from '../../model/topology';

export const DEV: EnvironmentInput = { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 };
export const PROD: EnvironmentInput = { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 };

export interface TerraformJson {
  readonly resource: {
    readonly kafka_topic: Readonly<Record<string, TopicBody>>;
    readonly kafka_acl: Readonly<Record<string, AclBody>>;
  };
  readonly [section: string]: unknown;
}

export interface TopicBody {
  readonly name: string;
  readonly partitions: number;
  readonly replication_factor: number;
  readonly config?: Readonly<Record<string, string>>;
  readonly lifecycle?: { readonly prevent_destroy?: boolean };
}

export interface AclBody {
  readonly acl_principal: string;
  readonly acl_host: string;
  readonly acl_operation: string;
  readonly acl_permission_type: string;
  readonly resource_type: string;
  readonly resource_name: string;
  readonly resource_pattern_type_filter: string;
}

export function synthStack(
  declare: (stack: KafkaStack) => void,
  environment: EnvironmentInput = DEV,
): { json: TerraformJson; topology: Topology; stack: KafkaStack } {
  const app = Testing.app();
  const stack = new KafkaStack(app, environment.name, { environment });
  declare(stack);
  const json = JSON.parse(Testing.synth(stack, true)) as TerraformJson;
  const topology = stack.topology;
  if (topology === null) throw new Error('synth passed validation but produced no topology');
  return { json, topology, stack };
}

/** `Topic:orders.order-created:Read` lines for one principal, sorted. */
export function aclSet(json: TerraformJson, principal: string): string[] {
  return Object.values(json.resource.kafka_acl)
    .filter((a) => a.acl_principal === principal)
    .map(
      (a) =>
        `${a.resource_type}:${a.resource_name}:${a.acl_operation}${a.resource_pattern_type_filter === 'Literal' ? '' : `:${a.resource_pattern_type_filter}`}`,
    )
    .sort();
}

export function topicByName(json: TerraformJson, name: string): TopicBody {
  const topic = Object.values(json.resource.kafka_topic).find((t) => t.name === name);
  if (topic === undefined) {
    throw new Error(
      `no kafka_topic named ${name}; have ${Object.values(json.resource.kafka_topic)
        .map((t) => t.name)
        .join(', ')}`,
    );
  }
  return topic;
}
