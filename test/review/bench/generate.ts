// Synthetic outputs of any size for the review benchmark, shaped like real synth output: each event topic of the
// seed's orders domain is cloned with its dead-letter topic, consumer group, producer and their five ACLs, spread over
// per-domain stacks, written as canonical JSON (sorted keys, two-space indent) like topicform synth writes it.
import { aclAddress, aclId } from '../../../model/acl';
import type { AclBinding } from '../../../model/topology';
import type { StackFiles } from '../../../review/parse';
import { canonicalJson } from '../../../cli/write';
import { allow, MutableOutput } from '../corpus/output';
import type { TfTopic, TopologyJson } from '../corpus/output';

export interface Generated {
  readonly files: StackFiles[];
  readonly topics: number;
  readonly bytes: number;
}

/** What differs in the head: every n-th topic is changed in some way. */
export interface HeadChanges {
  readonly partitionsIncreasedEvery: number;
  readonly retentionCutEvery: number;
  readonly removedEvery: number;
  readonly addedPerStack: number;
}

const seed = MutableOutput.seed(['prod-orders']).stack('prod-orders');
const eventTf = seed.tfTopic('orders.order-created');
const eventDecl = seed.declaredTopic('orders.order-created');
const dlqTf = seed.tfTopic('orders.order-created.payment.dlq');
const dlqDecl = seed.declaredTopic('orders.order-created.payment.dlq');
const groupDecl = seed.group('orders.payment');
const producerDecl = seed.producer('order-service', 'orders.order-created');
const domainDecl = seed.topology.domains[0];

export function generateOutput(label: string, topics: number, stacks: number, head?: HeadChanges): Generated {
  const perStack = Math.ceil(topics / stacks);
  const files: StackFiles[] = [];
  let bytes = 0;
  let count = 0;
  for (let s = 0; s < stacks; s++) {
    const domain = `d${s}`;
    const tf = { ...structuredClone(seed.tf), resource: { kafka_topic: {} as Record<string, TfTopic>, kafka_acl: {} as Record<string, unknown> } };
    const topology: TopologyJson = {
      ...structuredClone(seed.topology),
      domains: [{ ...structuredClone(domainDecl), name: domain } as TopologyJson['domains'][number]],
      topics: [],
      consumerGroups: [],
      producers: [],
      acls: [],
    };
    const events = perStack + (head?.addedPerStack ?? 0);
    for (let i = 0; i < events; i++) {
      const added = i >= perStack;
      const n = s * perStack + i;
      if (!added && count >= topics) break;
      if (!added) count++;
      if (head !== undefined && !added && n % head.removedEvery === 0) continue;
      const event = `e${i}`;
      const name = `${domain}.${event}`;
      const dlq = `${name}.consumer.dlq`;
      const groupId = `${domain}.consumer`;
      const principal = `User:${domain}-svc${i % 50}`;
      const partitions = head !== undefined && n % head.partitionsIncreasedEvery === 0 ? 48 : 24;
      const retention = head !== undefined && n % head.retentionCutEvery === 0 ? '650000000' : '693000000';

      tf.resource.kafka_topic[name.replace(/\./g, '_')] = {
        ...structuredClone(eventTf),
        name,
        partitions,
        config: { ...eventTf.config, 'retention.ms': retention },
      };
      tf.resource.kafka_topic[dlq.replace(/\./g, '_')] = { ...structuredClone(dlqTf), name: dlq };
      topology.topics.push({
        ...structuredClone(eventDecl),
        name,
        domain,
        partitions: { value: partitions, explanation: 'declared' },
        ref: { domain, event },
      } as TopologyJson['topics'][number]);
      topology.topics.push({ ...structuredClone(dlqDecl), name: dlq, domain, groupId, parent: { domain, event } } as TopologyJson['topics'][number]);
      topology.consumerGroups.push({
        ...structuredClone(groupDecl),
        domain,
        name: `consumer-${i}`,
        groupId: `${groupId}-${i}`,
        principal,
        retryDelaysMs: [],
        subscriptions: [{ topic: { domain, event }, topicName: name, deadLetterTopic: dlq, retryTopics: [] }],
      });
      topology.producers.push({
        ...structuredClone(producerDecl),
        topicName: name,
        topic: { domain, event },
        service: `${domain}-producer${i % 50}`,
        principal: `User:${domain}-producer${i % 50}`,
      });
      const acls: [AclBinding, string][] = [
        [allow(`User:${domain}-producer${i % 50}`, 'Write', 'Topic', name), `producer writes ${name}`],
        [allow(principal, 'Read', 'Group', `${groupId}-${i}`), 'consumer joins its group'],
        [allow(principal, 'Read', 'Topic', name), `consumer reads ${name}`],
        [allow(principal, 'Read', 'Topic', dlq), `consumer re-drives ${dlq}`],
        [allow(principal, 'Write', 'Topic', dlq), `consumer dead-letters to ${dlq}`],
      ];
      for (const [binding, why] of acls) {
        tf.resource.kafka_acl[aclAddress(binding)] = {
          acl_host: binding.host,
          acl_operation: binding.operation,
          acl_permission_type: binding.permission,
          acl_principal: binding.principal,
          resource_name: binding.resourceName,
          resource_pattern_type_filter: binding.patternType,
          resource_type: binding.resourceType,
        };
        topology.acls.push({ ...binding, id: aclId(binding), domain, neededBy: [why] });
      }
    }
    const stack = `prod-${domain}`;
    const terraform = canonicalJson(tf);
    const topo = canonicalJson(topology);
    bytes += terraform.length + topo.length;
    files.push({
      stack,
      terraform: { file: `${label}/stacks/${stack}/cdk.tf.json`, text: terraform },
      topology: { file: `${label}/stacks/${stack}/topology.json`, text: topo },
    });
  }
  return { files, topics: count, bytes };
}
