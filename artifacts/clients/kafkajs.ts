/**
 * A TypeScript module for KafkaJS (2.x) users, in KafkaJS's own option names: `kafka.producer(config)` with its `retry`
 * object, `acks` on `send()`, `kafka.consumer(config)`, `subscribe({ topics, fromBeginning })` and `autoCommit` on
 * `run()`. Each value carries a comment saying why: a consumer's fields once for all of the service's groups, what differs
 * per group at the group. It imports only KafkaJS's types, so it type-checks against the
 * service's own KafkaJS and compiles away to plain objects.
 *
 * KafkaJS has no `delivery.timeout.ms`, and it warns that limiting retries for the idempotent producer may invalidate
 * its guarantees: retries stay unlimited (Number.MAX_SAFE_INTEGER, KafkaJS's own default for an idempotent producer;
 * a `retry` object without `retries` would silently fall back to 5) and the module exports the declared delivery bound
 * for the service to time out a send with.
 */
import { authenticatingAs, notIncludedConfluent } from './confluent';
import { NOT_INCLUDED, type ConsumerProfile, type ProducerProfile, type ServiceClients } from '../client-config';
import { formatMs, oneLine } from '../format';
import { GENERATED_NOTICE } from '../marker';
import { BACKOFF_JITTER, BACKOFF_MULTIPLIER, KAFKAJS_MAX_IN_FLIGHT_WITH_IDEMPOTENCE, MAX_IN_FLIGHT_WITH_IDEMPOTENCE } from '../limits';

/**
 * Amazon MSK IAM (auth `aws-iam`) for KafkaJS, which has no AWS_MSK_IAM mechanism: MSK also accepts IAM over
 * SASL/OAUTHBEARER with a token signed by AWS's `aws-msk-iam-sasl-signer-js` (its README, "Getting Started", and the MSK
 * Developer Guide, "Configure clients for IAM access control"). The module exports the two settings and says how to
 * wire the signer, which stays the service's own dependency: this module imports only KafkaJS types.
 */
const MSK_IAM_KAFKAJS: readonly string[] = [
  '/**',
  " * Amazon MSK IAM access control (this environment's auth is aws-iam): IAM policies decide access. KafkaJS has no",
  " * AWS_MSK_IAM mechanism; MSK accepts IAM over SASL/OAUTHBEARER with a token from AWS's aws-msk-iam-sasl-signer-js:",
  ' *',
  " *   import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';",
  ' *   new Kafka({',
  ' *     clientId, brokers, ssl: mskIam.ssl,',
  ' *     sasl: { mechanism: mskIam.saslMechanism, oauthBearerProvider: async () => ({ value: (await generateAuthToken({ region })).token }) },',
  ' *   });',
  ' *',
  " * The signer signs with the AWS SDK's default credential chain and the cluster's region; no credential is written here.",
  ' */',
  "export const mskIam = { ssl: true, saslMechanism: 'oauthbearer' } as const;",
  '',
];

/** KafkaJS's default consumer sessionTimeout: a member that sends no heartbeat for this long is evicted. */
const KAFKAJS_DEFAULT_SESSION_TIMEOUT_MS = 30_000;

export function renderKafkajs(client: ServiceClients): string {
  const types = [
    ...(client.consumers.length > 0 ? ['ConsumerConfig', 'ConsumerRunConfig', 'ConsumerSubscribeTopics'] : []),
    ...(client.producers.length > 0 ? ['ProducerConfig', 'ProducerRecord'] : []),
  ];
  const lines = [
    `// ${GENERATED_NOTICE}`,
    `// Environment ${client.environment}, service ${client.service}, authenticating as ${authenticatingAs(client.principal, client.serviceAccount)}. KafkaJS 2.x option names.`,
    client.mskIam === true
      ? `// Not included: brokers and AWS credentials (the signer reads the AWS default credential chain); never synthesized.`
      : client.serviceAccount !== undefined
        ? `// Not included: ${notIncludedConfluent(client.serviceAccount)} (KafkaJS: brokers, ssl: true, sasl: { mechanism: 'plain', username, password }).`
        : `// Not included: ${NOT_INCLUDED} (KafkaJS: brokers, ssl, sasl).`,
    `import type { ${types.join(', ')} } from 'kafkajs';`,
    '',
    '/** `new Kafka({ clientId, brokers, ssl, sasl })`: names the service in broker logs, metrics and quotas. */',
    `export const clientId = ${str(client.service)};`,
    '',
    ...(client.mskIam === true ? MSK_IAM_KAFKAJS : []),
    ...objectConst('producers', client.producers.flatMap(producer)),
    '',
    ...consumers(client.consumers),
  ];
  return `${lines.join('\n')}\n`;
}

function producer(p: ProducerProfile): string[] {
  const maxInFlight = p.idempotent ? KAFKAJS_MAX_IN_FLIGHT_WITH_IDEMPOTENCE : p.orderedTopics ? 1 : MAX_IN_FLIGHT_WITH_IDEMPOTENCE;
  const retries =
    p.delivery.retries === null
      ? [
          '// Unlimited, as KafkaJS itself defaults for an idempotent producer: it warns that limiting retries may invalidate its',
          '// guarantees. Bound the time instead (deliveryTimeoutMs below). Without this key KafkaJS would fall back to 5 retries.',
          'retries: Number.MAX_SAFE_INTEGER,',
        ]
      : [
          '// Declared explicitly (delivery.retries). KafkaJS warns that limiting retries for the idempotent producer may',
          '// invalidate its guarantees; prefer bounding the time (deliveryTimeoutMs below).',
          `retries: ${p.delivery.retries},`,
        ];
  const config = [
    p.idempotent
      ? '// The broker drops duplicates a retry would write (producer id and sequence number); requires acks -1.'
      : '// Declared idempotent: false: a retry may write a duplicate, which every consumer must absorb.',
    `idempotent: ${p.idempotent},`,
    p.idempotent
      ? `// KafkaJS documents maxInFlightRequests: ${KAFKAJS_MAX_IN_FLIGHT_WITH_IDEMPOTENCE} with idempotent: true to guarantee exactly-once per partition.`
      : p.orderedTopics
        ? '// Without idempotence a retried request can overtake a later one: 1 keeps per-key order.'
        : '// No per-key ordering needed.',
    `maxInFlightRequests: ${maxInFlight},`,
    "// Exponential backoff, as Kafka's Java client does it (KIP-580): doubling with ±20 % jitter.",
    'retry: {',
    `  // First wait before a retry: ${formatMs(p.delivery.backoffMs)} (Java retry.backoff.ms); an immediate retry amplifies an outage.`,
    `  initialRetryTime: ${p.delivery.backoffMs},`,
    `  // Backoff ceiling: ${formatMs(p.delivery.backoffMaxMs)} (Java retry.backoff.max.ms).`,
    `  maxRetryTime: ${p.delivery.backoffMaxMs},`,
    `  multiplier: ${BACKOFF_MULTIPLIER},`,
    `  factor: ${BACKOFF_JITTER},`,
    ...retries.map((l) => `  ${l}`),
    '},',
  ];
  const transactional =
    p.transactionalIdPrefix === null
      ? []
      : [
          `/** Transactional: pass \`{ ...config, transactionalId: transactionalIdPrefix + instanceId }\` with a stable id per instance (the ACL is TransactionalID WRITE, Prefixed on this prefix). */`,
          `transactionalIdPrefix: ${str(p.transactionalIdPrefix)},`,
        ];
  return [
    `/** Writes ${p.topics.join(', ')}; declared in ${safeComment(p.sources.join(', '))}. */`,
    `${key(p.name)}: {`,
    `  topics: [${p.topics.map(str).join(', ')}],`,
    '  /** `kafka.producer(config)` */',
    '  config: {',
    ...config.map((l) => `    ${l}`),
    '  } satisfies ProducerConfig,',
    '  /** `producer.send({ ...send, topic, messages })`: -1 = all in-sync replicas acknowledge (required by idempotence). */',
    "  send: { acks: -1 } satisfies Pick<ProducerRecord, 'acks'>,",
    `  /** KafkaJS has no delivery.timeout.ms: stop waiting for a send after ${formatMs(p.delivery.timeoutMs)} (the declared delivery bound), e.g. by racing it with a timer, and treat it as failed. */`,
    `  deliveryTimeoutMs: ${p.delivery.timeoutMs},`,
    ...transactional.map((l) => `  ${l}`),
    '},',
  ];
}

/**
 * What every consumer entry's fields are and why they have their values, said once per module rather than once per
 * group: a service with many groups repeated the same eight comments in each (at 1,000 bench topics ~60 % of the
 * module). What differs per group (its processing time, an auto-commit opt-in, read_committed) stays at the group.
 *
 * Likewise said once: the entries' KafkaJS types, as one named type the whole object `satisfies` (each entry repeated
 * `satisfies ConsumerSubscribeTopics`, `ConsumerConfig` and `ConsumerRunConfig`), and the file that declares the groups
 * when it is the same for all (each entry's comment repeated it with the group id its key already is). At 1,000 bench
 * topics the modules were 1.29 MB with them, 0.95 MB without.
 */
function consumers(profiles: readonly ConsumerProfile[]): string[] {
  if (profiles.length === 0) return objectConst('consumers', []);
  const files = new Set(profiles.map(declaredIn));
  const common = files.size === 1 ? [...files][0] : undefined;
  const entries = profiles.flatMap((c) => consumer(c, common));
  return [
    '/**',
    ` * One entry per consumer group of the service, by group id, ${common === undefined ? 'each saying the file that declares it' : `all declared in ${safeComment(common)}`}:`,
    ...CONSUMERS_DOC,
    ...CONSUMER_ENTRY_TYPE,
    '',
    'export const consumers = {',
    ...entries.map(indent),
    '} as const satisfies Record<string, ConsumerEntry>;',
  ];
}

/** The KafkaJS types of a consumer entry, stated once: what is passed to KafkaJS is typed by KafkaJS's own declarations. */
const CONSUMER_ENTRY_TYPE = [
  'export type ConsumerEntry = {',
  '  readonly subscribe: ConsumerSubscribeTopics;',
  '  readonly config: ConsumerConfig;',
  '  readonly run: ConsumerRunConfig;',
  '  readonly deadLetterTopics: Readonly<Record<string, string>>;',
  '  readonly retryTopics: Readonly<Record<string, ReadonlyArray<{ readonly tier: number; readonly topic: string; readonly delayMs: number }>>>;',
  '};',
];

const declaredIn = (c: ConsumerProfile): string => c.group.source.file ?? c.group.source.path;

/** The fields of a consumer entry, after the line that says whose entries they are. */
const CONSUMERS_DOC = [
  ' * - `subscribe`: `consumer.subscribe(subscribe)`: the topics and their retry tiers, all read with this group id.',
  ' *   `fromBeginning: true`: a new group, or one whose offsets expired, starts at the oldest retained event (Java',
  ' *   auto.offset.reset=earliest).',
  ' * - `config`: `kafka.consumer(config)`. `groupId` is the declared consumer group; its principal has Group READ on',
  ' *   exactly this id. KafkaJS has no max.poll.records / max.poll.interval.ms: it heartbeats between messages, so keep',
  ` *   one message's processing (declared per group below) well under sessionTimeout (default ${formatMs(KAFKAJS_DEFAULT_SESSION_TIMEOUT_MS)}).`,
  ' * - `run`: `consumer.run({ ...run, eachMessage })`. `autoCommit: false`: commit offsets after processing',
  ' *   (resolveOffset / commitOffsets): auto commit can commit a message never processed.',
  ' * - `deadLetterTopics`: poison pills go to the dead-letter topic of the topic they came from, instead of infinite retry.',
  ' * - `retryTopics`: a failed message waits `delayMs` in tier n before it is processed again; after the last tier it is',
  ' *   dead-lettered.',
  " * `ConsumerEntry` types them with KafkaJS's own types, once for every entry.",
  ' */',
];

function consumer(c: ConsumerProfile, commonFile: string | undefined): string[] {
  const g = c.group;
  const config = [
    `groupId: ${str(c.groupId)},`,
    ...(c.readCommitted ? ['// Transactional producers write these topics: read only committed transactions.', 'readUncommitted: false,'] : []),
  ];
  const run = c.autoCommit ? [`// The group opted into auto commit: ${JSON.stringify(oneLine(g.offsetCommit.reason ?? ''))}.`, 'autoCommit: true,'] : [];
  const deadLetters = c.subscriptions.flatMap((s) => (s.deadLetterTopic === null ? [] : [`${str(s.topic)}: ${str(s.deadLetterTopic)},`]));
  const retries = c.subscriptions.flatMap((s) =>
    s.retryTopics.length === 0
      ? []
      : [`${str(s.topic)}: [`, ...s.retryTopics.map((r) => `  { tier: ${r.tier}, topic: ${str(r.name)}, delayMs: ${r.delayMs} },`), '],'],
  );
  const notes = [
    ...(commonFile === undefined ? [`declared in ${safeComment(declaredIn(c))}`] : []),
    ...(g.processingTimePerMessageMs === null ? [] : [`${formatMs(g.processingTimePerMessageMs)} per message`]),
  ];
  return [
    ...(notes.length === 0 ? [] : [`/** ${notes.join('; ')}. */`]),
    `${key(c.groupId)}: {`,
    `  subscribe: { topics: [${c.subscribe.map(str).join(', ')}], fromBeginning: true },`,
    ...block('config', config),
    ...(run.length === 0 ? ['  run: { autoCommit: false },'] : block('run', run)),
    ...block('deadLetterTopics', deadLetters),
    ...block('retryTopics', retries),
    '},',
  ];
}

/** `  name: { … }` on one line when it holds one plain entry (or none), otherwise one entry per line. */
function block(name: string, body: readonly string[]): string[] {
  if (body.length === 0) return [`  ${name}: {},`];
  const only = body[0];
  if (body.length === 1 && only !== undefined && !only.startsWith('//')) return [`  ${name}: { ${only.replace(/,$/, '')} },`];
  return [`  ${name}: {`, ...body.map((l) => `    ${l}`), '  },'];
}

/** Text that cannot close the comment it is written into. */
function safeComment(text: string): string {
  return oneLine(text).replace(/\*\//g, '* /');
}

function indent(line: string): string {
  return line === '' ? line : `  ${line}`;
}

/** `export const name = { … } as const;`, written `{}` when empty. */
function objectConst(name: string, body: readonly string[]): string[] {
  return body.length === 0 ? [`export const ${name} = {} as const;`] : [`export const ${name} = {`, ...body.map(indent), '} as const;'];
}

/** A TypeScript string literal. */
function str(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** An object key: bare when it is an identifier, quoted otherwise. */
function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : str(name);
}
