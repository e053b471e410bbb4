/**
 * Kafka Connect artifacts, beside the client configs: per Connect cluster the worker settings topicform owns (its group
 * id and storage topics), and per connector the connector config keys topicform owns (topics, consumer group, DLQ
 * wiring). Both are fragments: merge them with the rest of the worker / connector configuration (converters, the
 * external system's connection, credentials), which topicform does not know and never writes.
 */
import { CONNECT_STORAGE_KINDS, CONNECT_STORAGE_WORKER_KEYS } from '../../model/connect/defaults';
import { defaultSinkGroupId } from '../../model/connect/naming';
import type { ResolvedConnectCluster, ResolvedConnector, Topology } from '../../model/topology';
import { oneLine } from '../format';
import { GENERATED_NOTICE } from '../marker';
import { MSK_IAM_WORKER_SETTINGS } from './msk-iam';
import { apiKeyNeeded, authenticatingAs, serviceAccountOf } from './confluent';

export interface ConnectSetting {
  readonly key: string;
  readonly value: string;
  /** Why it has this value, one line. */
  readonly reason: string;
}

/** The worker settings of one Connect cluster, in the order a worker properties file lists them. */
export function workerSettings(topology: Topology, c: ResolvedConnectCluster): ConnectSetting[] {
  const rf = String(topology.environment.replicationFactor);
  const settings: ConnectSetting[] = [{ key: 'group.id', value: c.groupId, reason: 'the Connect cluster; Group READ granted to the worker principal' }];
  for (const kind of CONNECT_STORAGE_KINDS) {
    const keys = CONNECT_STORAGE_WORKER_KEYS[kind];
    const topic = c.storage[kind];
    settings.push({
      key: keys.topic,
      value: topic.name,
      reason: `created by Terraform (compacted, ${topic.partitions.value} partition(s)); READ + WRITE granted`,
    });
    if (keys.partitions !== undefined) {
      settings.push({ key: keys.partitions, value: String(topic.partitions.value), reason: 'as created by Terraform; only used if the topic were missing' });
    }
    settings.push({ key: keys.replicationFactor, value: rf, reason: `the environment's replication factor (${topology.environment.name})` });
  }
  if (c.exactlyOnceSource) {
    settings.push({
      key: 'exactly.once.source.support',
      value: 'enabled',
      reason: 'declared exactlyOnceSource; TransactionalID WRITE granted on connect-cluster-<group.id>',
    });
  }
  // Amazon MSK IAM (auth aws-iam): the workers and the clients they create for connectors sign in with IAM.
  if (topology.mskIam !== undefined) settings.push(...MSK_IAM_WORKER_SETTINGS);
  return settings;
}

/** The config keys topicform owns for one connector (Connect's names), in a stable order. */
export function connectorSettings(topology: Topology, k: ResolvedConnector): ConnectSetting[] {
  const settings: ConnectSetting[] = [
    { key: 'name', value: k.name, reason: 'the connector name, unique in its Connect cluster' },
    { key: 'connector.class', value: k.connectorClass, reason: 'declared' },
  ];
  if (k.tasksMax !== null) settings.push({ key: 'tasks.max', value: String(k.tasksMax), reason: 'declared' });
  if (k.type === 'source') {
    if (k.transactionalIdPrefix !== null) {
      settings.push({ key: 'exactly.once.support', value: 'required', reason: `declared exactlyOnce; transactional ids ${k.transactionalIdPrefix}* granted` });
    }
    return settings;
  }
  settings.push({ key: 'topics', value: k.topics.map((t) => t.topicName).join(','), reason: 'the topics it reads; Topic READ granted' });
  if (k.groupId !== null && k.groupId !== defaultSinkGroupId(k.name)) {
    settings.push({ key: 'consumer.override.group.id', value: k.groupId, reason: 'declared group id; needs an override policy that allows group.id' });
  }
  if (k.deadLetter !== null) {
    settings.push(
      { key: 'errors.tolerance', value: 'all', reason: 'a record that fails goes to the dead-letter topic instead of stopping the task' },
      { key: 'errors.deadletterqueue.topic.name', value: k.deadLetter.name, reason: 'created by Terraform; Topic WRITE granted' },
      {
        key: 'errors.deadletterqueue.topic.replication.factor',
        value: String(topology.environment.replicationFactor),
        reason: "the environment's replication factor (Connect's default, 3, would not fit a smaller cluster)",
      },
      {
        key: 'errors.deadletterqueue.context.headers.enable',
        value: 'true',
        reason: 'each dead letter carries its source topic, partition, offset and error, for re-drive',
      },
    );
  }
  return settings;
}

/** `connect.<group.id>.worker.properties`: the worker settings, each with its reason. */
export function renderWorkerProperties(topology: Topology, c: ResolvedConnectCluster): string {
  const serviceAccount = serviceAccountOf(topology, c.principal);
  const lines = [
    `# ${GENERATED_NOTICE}`,
    `# Kafka Connect cluster ${c.groupId} (${c.service}), environment ${topology.environment.name}, declared in ${c.source.file ?? c.source.path}.`,
    `# Workers authenticate as ${authenticatingAs(c.principal, serviceAccount)}. Merge these settings into the distributed worker configuration; converters,`,
    '# bootstrap servers and credentials are yours to add.',
  ];
  if (serviceAccount !== undefined) lines.push(`# Credentials: ${apiKeyNeeded(serviceAccount)}.`);
  const overridden = topology.connect?.connectors.filter((k) => k.cluster.groupId === c.groupId && k.principal !== c.principal) ?? [];
  if (overridden.length > 0) {
    lines.push(
      `# Connectors ${overridden.map((k) => k.name).join(', ')} authenticate as their own principals: the workers'`,
      '# connector.client.config.override.policy must allow their *.override.sasl.jaas.config (or use per-connector mTLS).',
    );
  }
  for (const s of workerSettings(topology, c)) lines.push('', `# ${oneLine(s.reason)}`, `${s.key}=${s.value}`);
  return `${lines.join('\n')}\n`;
}

/**
 * `connector.<name>.json`: `{ name, config }` as Kafka Connect's REST API takes it (`POST /connectors`; its `config`
 * alone for `PUT /connectors/<name>/config`), holding only the keys topicform owns, with their reasons beside.
 */
export function renderConnectorJson(topology: Topology, k: ResolvedConnector): string {
  const settings = connectorSettings(topology, k);
  const document = {
    '//': `${GENERATED_NOTICE} Merge config with the connector's own settings before sending it to Connect.`,
    name: k.name,
    config: Object.fromEntries(settings.map((s) => [s.key, s.value])),
    reasons: Object.fromEntries(settings.map((s) => [s.key, s.reason])),
    principal: k.principal,
    ...(k.type === 'source' ? { writes: k.topics.map((t) => t.topicName) } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
