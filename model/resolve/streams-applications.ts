/**
 * Step 6b, Kafka Streams applications: their topics must be declared, each named once per list, another domain's with
 * a reason (the same rule as consumer groups); the application id (default `<domain>.<name>`, like a group id) is
 * its consumer group id, checked against every other group id in group-ids.ts.
 */
import { defaultGroupId } from '../naming';
import { topicRefKey, type EventTopicDeclaration, type StreamsApplicationDeclaration } from '../schema';
import type { ResolvedStreamsApplication, ResolvedStreamsTopic } from '../topology';
import { compare, type Collector } from './collect';
import * as m from './messages';
import type { References } from './references';

/** The suffix Kafka Streams appends to a store's name for its changelog topic (`<application.id>-<store>-changelog`). */
const CHANGELOG_SUFFIX = '-changelog';

export function resolveStreamsApplications(
  apps: readonly StreamsApplicationDeclaration[],
  refs: References,
  nameOf: (topic: EventTopicDeclaration) => string,
  out: Collector,
): ResolvedStreamsApplication[] {
  const resolved: ResolvedStreamsApplication[] = [];
  for (const app of apps) {
    const label = `${app.domain}.${app.name}`;
    const applicationId = app.applicationId ?? defaultGroupId(app.domain, app.name);
    refs.requireDomain(app.domain, app.source, 'domain');
    const topics = (list: 'inputs' | 'outputs', verb: 'reads' | 'writes'): ResolvedStreamsTopic[] => {
      const seen = new Set<string>();
      const found: ResolvedStreamsTopic[] = [];
      app[list].forEach((entry, i) => {
        const key = topicRefKey(entry.topic);
        if (seen.has(key)) {
          out.add(app.source, m.duplicateStreamsTopic(`${list}[${i}].topic`, label, key, list));
          return;
        }
        seen.add(key);
        const topic = refs.lookupTopic(entry.topic, app.source, `${list}[${i}].topic`);
        if (topic === undefined) return;
        if (topic.domain !== app.domain && entry.reason === undefined) {
          out.add(app.source, m.crossDomainStreamsWithoutReason(`${list}[${i}].reason`, label, verb, key, topic.domain));
        }
        found.push({ topic: { ...entry.topic }, topicName: nameOf(topic), ...(entry.reason === undefined ? {} : { reason: entry.reason }) });
      });
      return found.sort((a, b) => compare(a.topicName, b.topicName));
    };
    const internalPrefix = `${applicationId}-`;
    resolved.push({
      domain: app.domain,
      name: app.name,
      applicationId,
      internalPrefix,
      service: app.service,
      principal: app.principal,
      inputs: topics('inputs', 'reads'),
      outputs: topics('outputs', 'writes'),
      processingGuarantee: app.processingGuarantee,
      stateStores: [...app.stateStores]
        .sort((a, b) => compare(a.name, b.name))
        .map((s) => ({ name: s.name, changelogTopic: s.changelog ? `${internalPrefix}${s.name}${CHANGELOG_SUFFIX}` : null })),
      repartitions: app.repartitions,
      ...(app.parallelism === undefined
        ? {}
        : { parallelism: { instances: app.parallelism.instances, threadsPerInstance: app.parallelism.threadsPerInstance } }),
      exceptionHandlers: app.exceptionHandlers ?? null,
      idempotency: app.idempotency ?? null,
      ...(app.replaySafety === undefined ? {} : { replaySafety: app.replaySafety }),
      suppressions: app.suppressions,
      source: app.source,
    });
  }
  return resolved.sort((a, b) => compare(a.applicationId, b.applicationId));
}
