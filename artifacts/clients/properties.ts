/**
 * Java `.properties` client configs: one file per producer profile and per consumer group, every Kafka setting preceded
 * by a comment saying why it has its value. Topic names follow under `topicform.*` keys: they are not Kafka client
 * settings, so read them in the service's code (passed to a Kafka client unchanged, they are logged as unknown configs).
 */
import { NOT_INCLUDED, type ConsumerProfile, type ProducerProfile, type ServiceClients, type Setting } from '../client-config';
import { formatMs, oneLine } from '../format';
import { GENERATED_NOTICE } from '../marker';
import { MSK_IAM_CLIENT_SETTINGS, NOT_INCLUDED_MSK_IAM } from './msk-iam';
import { authenticatingAs, notIncludedConfluent } from './confluent';
import type { ResolvedServiceAccount, ResolvedStreamsApplication } from '../../model/topology';

export function renderProducerProperties(client: ServiceClients, profile: ProducerProfile): string {
  const lines = [
    ...header(client, `producer "${profile.name}", declared in ${profile.sources.join(', ')}`),
    ...profile.settings.flatMap(setting),
    ...topicSection(),
    ...entry('topicform.produce', profile.topics.join(','), 'the topics this producer writes (Topic WRITE granted to the principal)'),
  ];
  return file(lines);
}

export function renderConsumerProperties(client: ServiceClients, profile: ConsumerProfile): string {
  const g = profile.group;
  const lines = [
    ...header(client, `consumer group ${profile.groupId}, declared in ${g.source.file ?? g.source.path}`),
    ...profile.settings.flatMap(setting),
    ...topicSection(),
    ...entry('topicform.subscribe', profile.subscribe.join(','), 'subscribe to all of these with this group id: the topics and their retry tiers'),
  ];
  for (const s of profile.subscriptions) {
    if (s.deadLetterTopic !== null) {
      lines.push(...entry(`topicform.topic.${s.topic}.dead-letter`, s.deadLetterTopic, `poison pills of ${s.topic} go here instead of being retried forever`));
    }
    for (const r of s.retryTopics) {
      lines.push(
        ...entry(
          `topicform.topic.${s.topic}.retry.${r.tier}`,
          r.name,
          `retry tier ${r.tier}: a failed message waits ${formatMs(r.delayMs)} here before it is processed again`,
        ),
      );
      lines.push(...entry(`topicform.topic.${s.topic}.retry.${r.tier}.delay.ms`, String(r.delayMs), `the delay of retry tier ${r.tier}`));
    }
  }
  return file(lines);
}

/** A Kafka Streams application's config: every setting with its reason, then the topics it reads and writes. */
export function renderStreamsProperties(
  environment: string,
  app: ResolvedStreamsApplication,
  settings: readonly Setting[],
  mskIam = false,
  serviceAccount?: ResolvedServiceAccount,
): string {
  const lines = [
    `# ${GENERATED_NOTICE}`,
    `# Environment ${environment}, service ${app.service}, authenticating as ${authenticatingAs(app.principal, serviceAccount)}: Kafka Streams application ${app.applicationId}, declared in ${app.source.file ?? app.source.path}.`,
    `# Not included: ${notIncluded(mskIam, serviceAccount)}.`,
    '',
    ...settings.flatMap(setting),
    ...(mskIam ? MSK_IAM_CLIENT_SETTINGS.flatMap(setting) : []),
    ...topicSection(),
    ...entry('topicform.inputs', app.inputs.map((i) => i.topicName).join(','), 'the topics it reads (Topic READ granted to the principal)'),
  ];
  if (app.outputs.length > 0) {
    lines.push(...entry('topicform.outputs', app.outputs.map((o) => o.topicName).join(','), 'the topics it writes (Topic WRITE granted)'));
  }
  for (const store of app.stateStores) {
    lines.push(
      ...entry(
        `topicform.store.${store.name}.changelog`,
        store.changelogTopic ?? 'none',
        store.changelogTopic === null ? 'declared without a changelog: its state is lost with its instance' : 'created by Kafka Streams under the prefixed ACL',
      ),
    );
  }
  return file(lines);
}

/** Lines as a file ending with exactly one newline. */
function file(lines: readonly string[]): string {
  return `${lines.join('\n').trimEnd()}\n`;
}

function header(client: ServiceClients, what: string): string[] {
  return [
    `# ${GENERATED_NOTICE}`,
    `# Environment ${client.environment}, service ${client.service}, authenticating as ${authenticatingAs(client.principal, client.serviceAccount)}: ${what}.`,
    `# Not included: ${notIncluded(client.mskIam === true, client.serviceAccount)}.`,
    '',
  ];
}

function notIncluded(mskIam: boolean, serviceAccount: ResolvedServiceAccount | undefined): string {
  return mskIam ? NOT_INCLUDED_MSK_IAM : serviceAccount === undefined ? NOT_INCLUDED : notIncludedConfluent(serviceAccount);
}

function topicSection(): string[] {
  return ['# Topic names: not Kafka client settings; read them in the service (a Kafka client logs them as unknown configs).', ''];
}

/** A template (a value with a per-instance placeholder) is written commented out: the service fills it in. */
function setting(s: Setting): string[] {
  return entry(s.key, s.value, s.reason, s.template === true);
}

function entry(key: string, value: string, reason: string, commentedOut = false): string[] {
  return [`# ${oneLine(reason)}`, `${commentedOut ? '#' : ''}${escapeKey(key)}=${escapeValue(value)}`, ''];
}

/** java.util.Properties escaping for keys: separators, comment characters and whitespace. */
function escapeKey(key: string): string {
  return escapeValue(key).replace(/[=: #!]/g, (c) => `\\${c}`);
}

/** java.util.Properties escaping for values: backslashes, a leading space, control and non-ASCII characters. */
function escapeValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/^ /, '\\ ')
    .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
