/**
 * One JSON document per service: every producer and consumer profile with its settings (Kafka's config strings, as the
 * Java client and librdkafka accept them), with the reason for each key. Values with a per-instance placeholder
 * (`transactional.id`) are under `templates`, never under `settings`.
 *
 * A reason every profile of the service gives alike for a key (why `enable.auto.commit=false`, why `client.id`) is said
 * once, in the document's top-level `reasons`; a profile's own `reasons` holds the rest. So the reason for a key of a
 * profile is `profile.reasons[key] ?? document.reasons[key]`. Each profile's `settings` stay whole: a program passes
 * them to its client as they are. Repeating every reason in every profile made a service's document grow by ~1 KB per
 * consumer group (at 1,000 bench topics, ~60 % of the file).
 *
 * A value derived by a rule (`max.poll.records`, `max.poll.interval.ms`) has a reason that shows the derivation with the
 * group's numbers, and a rationale, why the rule is what it is, that is the same fixed text for every group: the
 * rationale is said once, in the document's top-level `rationales` under the key, so the whole reason of such a key is
 * `<reason>: <rationales[key]>`. After every group's derivation it was ~190 bytes per consumer group (at 1,000 bench
 * topics ~0.38 MB).
 */
import { fullReason, NOT_INCLUDED, type ServiceClients, type Setting } from '../client-config';
import { compareStrings } from '../format';
import { GENERATED_NOTICE } from '../marker';
import { NOT_INCLUDED_MSK_IAM } from './msk-iam';
import { notIncludedConfluent } from './confluent';

export function renderClientJson(client: ServiceClients): string {
  const profiles = [...client.producers.map((p) => p.settings), ...client.consumers.map((c) => c.settings)];
  const rationales = sharedRationales(profiles);
  const shared = sharedReasons(profiles, rationales);
  const document = {
    '//': GENERATED_NOTICE,
    environment: client.environment,
    service: client.service,
    principal: client.principal,
    // On Confluent Cloud: the service account whose API key the client needs (null: terraform creates it).
    ...(client.serviceAccount === undefined ? {} : { serviceAccount: client.serviceAccount.id }),
    notIncluded:
      client.mskIam === true ? NOT_INCLUDED_MSK_IAM : client.serviceAccount === undefined ? NOT_INCLUDED : notIncludedConfluent(client.serviceAccount),
    reasons: Object.fromEntries(shared),
    ...(rationales.size === 0 ? {} : { rationales: Object.fromEntries(rationales) }),
    producers: client.producers.map((p) => ({
      name: p.name,
      topics: p.topics,
      transactionalIdPrefix: p.transactionalIdPrefix,
      settings: settingsObject(p.settings.filter((s) => s.template !== true)),
      templates: settingsObject(p.settings.filter((s) => s.template === true)),
      reasons: reasonsObject(p.settings, shared, rationales),
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
      reasons: reasonsObject(c.settings, shared, rationales),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function settingsObject(settings: readonly Setting[]): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.key, s.value]));
}

/**
 * The reasons of a profile that the document's shared `reasons` does not already give for the same key; a rationale the
 * document's `rationales` holds is left out, any other is written after its reason.
 */
function reasonsObject(settings: readonly Setting[], shared: ReadonlyMap<string, string>, rationales: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.key, reasonText(s, rationales)] as const).filter(([key, reason]) => shared.get(key) !== reason));
}

/** A setting's reason as client.json writes it: without the rationale that the document's `rationales` holds. */
function reasonText(s: Setting, rationales: ReadonlyMap<string, string>): string {
  return s.rationale === undefined || rationales.get(s.key) === s.rationale ? s.reason : fullReason(s);
}

/** Keys whose rationale is the same in every setting that has one, in sorted key order. */
function sharedRationales(profiles: ReadonlyArray<readonly Setting[]>): Map<string, string> {
  const rationales = new Map<string, string | null>();
  for (const s of profiles.flat()) {
    if (s.rationale === undefined) continue;
    const known = rationales.get(s.key);
    rationales.set(s.key, known === undefined || known === s.rationale ? s.rationale : null);
  }
  const shared = new Map<string, string>();
  for (const key of [...rationales.keys()].sort(compareStrings)) {
    const rationale = rationales.get(key);
    if (rationale !== null && rationale !== undefined) shared.set(key, rationale);
  }
  return shared;
}

/**
 * Keys whose reason is the same in every profile that sets them, when at least two profiles do, in sorted key order
 * (the output must not depend on which profile came first).
 */
function sharedReasons(profiles: ReadonlyArray<readonly Setting[]>, rationales: ReadonlyMap<string, string>): Map<string, string> {
  const reasons = new Map<string, string | null>();
  const uses = new Map<string, number>();
  for (const settings of profiles) {
    for (const s of settings) {
      uses.set(s.key, (uses.get(s.key) ?? 0) + 1);
      const known = reasons.get(s.key);
      const reason = reasonText(s, rationales);
      reasons.set(s.key, known === undefined || known === reason ? reason : null);
    }
  }
  const shared = new Map<string, string>();
  for (const key of [...reasons.keys()].sort(compareStrings)) {
    const reason = reasons.get(key);
    if (reason !== null && reason !== undefined && (uses.get(key) ?? 0) >= 2) shared.set(key, reason);
  }
  return shared;
}
