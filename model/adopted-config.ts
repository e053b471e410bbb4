/**
 * The config an adopted topic is rendered with. `topicform import` records, per adopted topic, the configs the topic
 * gets from the broker rather than from a topic override (AdoptedResources.brokerDefaults); a key recorded there with
 * the value the declaration resolves to is left out of the topic's Terraform config, so adopting writes nothing for
 * it. One function, used both by the constructs that render the stack and by the importer that predicts the first
 * plan, so the prediction and the synthesized output cannot disagree.
 */
import { compare } from './compare';

/** Per topic name, config values the cluster applies from broker-level settings (no topic override). */
export type BrokerDefaults = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** `config` without the keys the broker applies with the same value; sorted by key, like every rendered config. */
export function renderedTopicConfig(config: Readonly<Record<string, string>>, brokerLevel: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key, value]) => brokerLevel[key] !== value)
      .sort(([a], [b]) => compare(a, b)),
  );
}
