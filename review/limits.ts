/**
 * The numbers review uses, each with its source. (Sizing numbers live in model/limits.ts; these are about reading a
 * Kafka cluster's defaults and about where the report goes.)
 */
import { TIME_MS } from '../model/limits';

/**
 * Kafka's broker default for `retention.ms` when a topic sets none (log.retention.hours = 168): 7 days. A topic whose
 * `retention.ms` is removed falls back to the broker's setting, which review assumes to be Kafka's default.
 */
export const KAFKA_DEFAULT_RETENTION_MS = 7 * TIME_MS.day;

/**
 * GitHub rejects issue and pull-request comments longer than 65,536 characters; the Markdown report stays below this,
 * leaving room for the comment workflow's marker.
 */
export const MARKDOWN_COMMENT_BUDGET = 60_000;

/** Rows of safe findings listed in the Markdown summary table before the rest are only counted. */
export const MARKDOWN_SAFE_ROWS = 50;

/** Format of the JSON report; bumped on incompatible changes. */
export const REVIEW_FORMAT_VERSION = 1;

/**
 * Kafka's topic-level defaults (Apache Kafka 3.x–4.x documentation, "Topic Configs"), used when a config key is
 * absent on one side of a change: the broker's value then applies, which review assumes to be Kafka's default.
 */
export const KAFKA_TOPIC_DEFAULTS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'retention.ms': String(KAFKA_DEFAULT_RETENTION_MS),
  'retention.bytes': '-1',
  'delete.retention.ms': String(TIME_MS.day),
  'max.message.bytes': '1048588',
  'min.insync.replicas': '1',
};
