/**
 * Java `.properties` client configs: one file per producer profile and per consumer group, the settings as one block
 * under a header that says whose file it is, what it leaves out and where the reason for each value is: `reasons` in
 * the service's client.json beside it (clients/json.ts), which renders the same profiles and states every reason of
 * every setting once (test/artifacts/client-configs.test.ts holds both to that). Repeating each reason above its
 * setting in every group's file made a service's folder carry the same explanation once per consumer group: at 1,000
 * bench topics the .properties files were 3.76 MB with the reasons, 2.30 MB without. A template setting
 * (`transactional.id` with `<instance>`) is written commented out and keeps its reason inline: the user must replace the
 * placeholder, and the reason says with what. Topic names follow under `topicform.*` keys after one comment saying what
 * they are: they are not Kafka client settings, so read them in the service's code (passed to a Kafka client unchanged,
 * they are logged as unknown configs).
 *
 * A Kafka Streams application's `.properties` (below) and the Connect worker's (clients/connect.ts) have no client.json
 * to point to, so they keep every setting's reason inline, above it.
 */
import { fullReason, NOT_INCLUDED, type ConsumerProfile, type ProducerProfile, type ServiceClients, type Setting } from '../client-config';
import { oneLine } from '../format';
import { GENERATED_NOTICE } from '../marker';
import { MSK_IAM_CLIENT_SETTINGS, NOT_INCLUDED_MSK_IAM } from './msk-iam';
import { authenticatingAs, notIncludedConfluent } from './confluent';
import type { ResolvedServiceAccount, ResolvedStreamsApplication } from '../../model/topology';

/** Not Kafka client settings: what the `topicform.*` keys are, said once above them. */
const TOPIC_NAMES = "Topic names for the service's code, not Kafka client settings (a client logs them as unknown configs)";

export function renderProducerProperties(client: ServiceClients, profile: ProducerProfile): string {
  const lines = [
    ...header(client, `producer "${profile.name}", declared in ${profile.sources.join(', ')}`, `the producer with "name": "${profile.name}"`),
    ...profile.settings.flatMap(compactSetting),
    '',
    `# ${TOPIC_NAMES}: topicform.produce lists the topics this producer writes (its principal has Topic WRITE on them).`,
    property('topicform.produce', profile.topics.join(',')),
  ];
  return file(lines);
}

export function renderConsumerProperties(client: ServiceClients, profile: ConsumerProfile): string {
  const g = profile.group;
  const retries = profile.subscriptions.some((s) => s.retryTopics.length > 0);
  const deadLetters = profile.subscriptions.some((s) => s.deadLetterTopic !== null);
  const lines = [
    ...header(client, `consumer group ${profile.groupId}, declared in ${g.source.file ?? g.source.path}`, `the consumer with "groupId": "${profile.groupId}"`),
    ...profile.settings.flatMap(compactSetting),
    '',
    `# ${TOPIC_NAMES}: subscribe to all of topicform.subscribe with this group id` +
      (retries ? ', retry tiers included (in tier <n> a failed message waits retry.<n>.delay.ms before it is processed again)' : '') +
      (deadLetters ? "; poison pills go to the topic's dead-letter instead of being retried forever" : '') +
      '.',
    property('topicform.subscribe', profile.subscribe.join(',')),
  ];
  for (const s of profile.subscriptions) {
    if (s.deadLetterTopic !== null) lines.push(property(`topicform.topic.${s.topic}.dead-letter`, s.deadLetterTopic));
    for (const r of s.retryTopics) {
      lines.push(
        property(`topicform.topic.${s.topic}.retry.${r.tier}`, r.name),
        property(`topicform.topic.${s.topic}.retry.${r.tier}.delay.ms`, String(r.delayMs)),
      );
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

/**
 * Whose file this is, what it leaves out, and where the reasons are: the profile's own `reasons` in client.json, else
 * the document's top-level ones (clients/json.ts states a reason every profile gives alike only there). `profile` is
 * the profile's entry as client.json spells it, so a search for that text finds it.
 */
function header(client: ServiceClients, what: string, profile: string): string[] {
  return [
    `# ${GENERATED_NOTICE}`,
    `# Environment ${client.environment}, service ${client.service}, authenticating as ${authenticatingAs(client.principal, client.serviceAccount)}: ${what}.`,
    `# Not included: ${notIncluded(client.mskIam === true, client.serviceAccount)}.`,
    `# Why each value: "reasons" in client.json beside this file, under ${profile}, else at its top level.`,
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
  return entry(s.key, s.value, fullReason(s), s.template === true);
}

function entry(key: string, value: string, reason: string, commentedOut = false): string[] {
  return [`# ${oneLine(reason)}`, `${commentedOut ? '#' : ''}${property(key, value)}`, ''];
}

/**
 * A setting of a producer or consumer file, without a blank line around it. Its reason is in client.json, so only a
 * template keeps it here, above the commented-out line, because the reader must act on it (replace the placeholder).
 */
function compactSetting(s: Setting): string[] {
  return s.template === true ? [`# ${oneLine(fullReason(s))}`, `#${property(s.key, s.value)}`] : [property(s.key, s.value)];
}

function property(key: string, value: string): string {
  return `${escapeKey(key)}=${escapeValue(value)}`;
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
