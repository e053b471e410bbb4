/**
 * Every number the toolkit uses to size, name or limit what it declares, each with its source or reason: Kafka's limits
 * and topicform's design numbers. Nothing else in the code base writes these numbers down; change them here and the
 * docs generated from them follow. Kafka's own topic defaults are in kafka-defaults.ts; numbers about topicform's own
 * process (synth's lock, progress line, worker and heap) are in cli/limits.ts, the layer that uses them.
 */

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
export const TIME_MS = { second: SECOND_MS, minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS } as const;

/**
 * The longest duration a declaration may state: sums of durations are written into configs as integers, and beyond
 * Number.MAX_SAFE_INTEGER (~285,000 years) JavaScript loses precision. Leaves room for the margins added on top.
 */
export const MAX_DURATION_MS = Math.floor(Number.MAX_SAFE_INTEGER / 4);

/** Kafka rejects longer topic names (org.apache.kafka.common.internals.Topic.MAX_NAME_LENGTH). */
export const MAX_TOPIC_NAME_LENGTH = 249;

/**
 * Produce throughput one partition is planned for: 5 MB/s. A conservative figure (a single partition leader commonly
 * sustains 10+ MB/s on modern brokers) so that replication traffic, compression and broker loss still fit.
 */
export const PLANNING_PRODUCE_BYTES_PER_SECOND_PER_PARTITION = 5 * 1_000_000;

/**
 * Partitions cannot be reduced later and adding them remaps keys (per-key ordering breaks for in-flight keys), so a
 * topic starts with twice the parallelism it needs today.
 */
export const DEFAULT_PARTITION_HEADROOM = 2;

/**
 * Above this many partitions per topic the toolkit warns: each partition costs broker memory, file handles and
 * controller work, and very wide topics usually mean the key or the consumer design should be revisited.
 */
export const PARTITION_WARNING_CAP = 1_000;

/** Largest partition count the sizing will ever propose (the last highly divisible step below the warning cap). */
export const MAX_SIZED_PARTITIONS = 768;

/**
 * Retention margin added on top of the replay window and the largest tolerated lag: one day, so that an incident
 * noticed late on the last day of the window can still be replayed.
 */
export const RETENTION_MARGIN_MS = DAY_MS;

/**
 * Tombstones of a compacted topic must outlive the longest full reindex, or a reindex that starts before a delete and
 * reads past it brings the deleted key back. The margin on top of the declared longest reindex: one day.
 */
export const TOMBSTONE_RETENTION_MARGIN_MS = DAY_MS;

/** Dead-letter topics carry poison pills, not traffic: a few partitions are enough (fewer if the main topic has fewer). */
export const DEAD_LETTER_PARTITIONS = 3;

/** Poison pills wait for a human to look at them; four weeks covers holidays and slow incident follow-up. */
export const DEAD_LETTER_RETENTION_MS = 28 * DAY_MS;

/** Retry topics keep messages well above their delay: the delay plus this margin, so an outage of the retrying service does not drop retries. */
export const RETRY_RETENTION_MARGIN_MS = 7 * DAY_MS;

/**
 * Most retry tiers a consumer group may declare. Each tier is one more topic per subscribed topic, and with
 * `Retries.exponential` the tenth already waits 512 × the first delay: retry topics (Uber's pattern, Spring Kafka's
 * @RetryableTopic, default 3 attempts) use a handful; more is a parked message that belongs in the dead-letter topic.
 */
export const MAX_RETRY_TIERS = 10;

/** In production, replication below 3 cannot survive one broker loss while another is under maintenance. */
export const PRODUCTION_MIN_REPLICATION_FACTOR = 3;

/** In production, acks=all with min.insync.replicas of 1 acknowledges writes held by a single broker. */
export const PRODUCTION_MIN_INSYNC_REPLICAS = 2;

/** Producer delivery bound (delivery.timeout.ms) when a producer declares none: Kafka's own default, 2 minutes. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 2 * MINUTE_MS;

/** First retry backoff (retry.backoff.ms), Kafka's default: 100 ms. */
export const DEFAULT_RETRY_BACKOFF_MS = 100;

/** Backoff ceiling (retry.backoff.max.ms, KIP-580 exponential backoff), Kafka's default: 1 s. */
export const DEFAULT_RETRY_BACKOFF_MAX_MS = SECOND_MS;

/** The resource name Kafka uses for Cluster ACLs. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';

/** Minimum length of a written reason (suppressions, auto-commit opt-in, legacy ACLs): a few words, not "ok". */
export const MIN_REASON_LENGTH = 10;

/**
 * Hashing few distinct keys onto many partitions leaves some partitions empty and others hot; with at least ten keys
 * per partition the default partitioner's spread is reasonably even. Below that, lint warns of a hot partition.
 */
export const MIN_KEYS_PER_PARTITION = 10;

/** Kafka's producer default request.timeout.ms: 30 s. */
export const KAFKA_DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Kafka's producer default linger.ms since 4.0 (KIP-1030): 5 ms. */
export const KAFKA_DEFAULT_LINGER_MS = 5;

/**
 * Client quota headroom on produce (`producer_byte_rate` = Σ declared peak bytes/s of the topics a principal produces
 * × 2). Declared peaks are estimates, and a producer that buffered through a broker outage sends its backlog on top of
 * live traffic; twice the peak lets both through while a runaway (a retry loop, a bug sending every record ten times)
 * is throttled before it starves the other clients of the brokers.
 */
export const QUOTA_PRODUCE_HEADROOM = 2;

/**
 * Client quota headroom on consume (`consumer_byte_rate` = Σ declared peak bytes/s of the topics a principal reads,
 * once per consumer group, × 3). A consumer that fell behind or replays from an old offset reads live traffic plus its
 * backlog: with three times the peak it drains the backlog at twice the rate new events arrive, so a lag of one hour
 * is caught up in about thirty minutes. A tighter quota would make every replay slower than real time.
 */
export const QUOTA_CONSUME_HEADROOM = 3;

/**
 * Terraform resources one stack (one state) should hold at most before lint warns (TF-STACK-001). Every pull request
 * that changes a stack plans it, and every plan refreshes every resource in the state. Measured (`npm run bench --
 * --terraform-cost`, bench/RESULTS.md "terraform cost per stack"): the CPU of `terraform plan`, refresh included, of one
 * stack against the provider double grows linearly, ~2.4 s + ~6.3 ms per resource (5.6 s at 512, 8.3 s at 1,012,
 * 15.0 s at 2,000 resources, medians of 3; 29.8 s at 4,975, one run: still linear); a real broker adds its round trip per read, ~50 ms at terraform's default
 * `-parallelism=10`, so ~5 ms per resource. The budget keeps one stack's plan within ~25 s: what a one-topic pull
 * request in a 10,000-topic repository has left of the 60 s it should take after the head's synth, review and guard
 * (~33 s, with the base's output cached; bench/RESULTS.md). 2.4 s + 2,000 × 11.3 ms ≈ 25 s. One state lock also
 * serialises every team that changes the stack; splitting per domain keeps both small.
 */
export const STACK_RESOURCE_BUDGET = 2_000;

/**
 * SCRAM iteration bounds. Kafka's ScramMechanism sets minIterations 4096 and maxIterations 16384 for both SCRAM-SHA-256
 * and SCRAM-SHA-512 (org.apache.kafka.common.security.scram.internals.ScramMechanism), and the broker refuses an
 * AlterUserScramCredentials request outside them; the Mongey provider validates `scram_iterations` with
 * IntAtLeast(4096) and defaults it to 4096 (provider-schema/NOTES.md). The minimum is topicform's default as well:
 * each authentication costs the broker that many HMAC rounds, and 4096 is what RFC 7677 recommends as the floor.
 */
export const MIN_SCRAM_ITERATIONS = 4_096;
export const MAX_SCRAM_ITERATIONS = 16_384;
