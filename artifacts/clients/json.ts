/**
 * One JSON document per service: every producer and consumer profile with its settings (Kafka's config strings, as the
 * Java client and librdkafka accept them) and a parallel `reasons` object with the same keys. Values with a
 * per-instance placeholder (`transactional.id`) are under `templates`, never under `settings`.
 */
import { NOT_INCLUDED, type ServiceClients, type Setting } from '../client-config';
import { GENERATED_NOTICE } from '../marker';

export function renderClientJson(client: ServiceClients): string {
  const document = {
    '//': GENERATED_NOTICE,
    environment: client.environment,
    service: client.service,
    principal: client.principal,
    notIncluded: NOT_INCLUDED,
    producers: client.producers.map((p) => ({
      name: p.name,
      topics: p.topics,
      transactionalIdPrefix: p.transactionalIdPrefix,
      settings: settingsObject(p.settings.filter((s) => s.template !== true)),
      templates: settingsObject(p.settings.filter((s) => s.template === true)),
      reasons: reasonsObject(p.settings),
    })),
    consumers: client.consumers.map((c) => ({
      groupId: c.groupId,
      subscribe: c.subscribe,
      topics: c.subscriptions.map((s) => ({
        topic: s.topic,
        deadLetterTopic: s.deadLetterTopic,
        retryTopics: s.retryTopics.map((r) => ({ tier: r.tier, topic: r.name, delayMs: r.delayMs })),
      })),
      settings: settingsObject(c.settings),
      reasons: reasonsObject(c.settings),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function settingsObject(settings: readonly Setting[]): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.key, s.value]));
}

function reasonsObject(settings: readonly Setting[]): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.key, s.reason]));
}
