/**
 * Every number the artifact generators use (client configs, capacity), each with its source or reason.
 *
 * These live here rather than in model/limits.ts because they shape generated documents and client settings, not the
 * declarations' validation or the Terraform output.
 */

/**
 * Apache Kafka's Java producer rejects `enable.idempotence=true` with `max.in.flight.requests.per.connection` above 5
 * (KafkaProducer config validation, KAFKA-5494): up to five in-flight batches per partition keep their order on retry.
 */
export const MAX_IN_FLIGHT_WITH_IDEMPOTENCE = 5;

/**
 * KafkaJS documents `maxInFlightRequests: 1` together with `idempotent: true` as required to guarantee exactly-once
 * delivery per partition (KafkaJS docs, "Transactions"); its own default is unlimited.
 */
export const KAFKAJS_MAX_IN_FLIGHT_WITH_IDEMPOTENCE = 1;

/** Exponential backoff multiplier of Kafka's clients (KIP-580) and of KafkaJS (`retry.multiplier`): 2. */
export const BACKOFF_MULTIPLIER = 2;

/** Random jitter of Kafka's exponential backoff (KIP-580, ±20 %), KafkaJS's `retry.factor` default too. */
export const BACKOFF_JITTER = 0.2;

/** Kafka's consumer default `max.poll.records`; also the cap: a larger batch means more reprocessing after a crash. */
export const KAFKA_DEFAULT_MAX_POLL_RECORDS = 500;

/** Kafka's consumer default `max.poll.interval.ms` (5 min); also the cap, so a stuck consumer is noticed in minutes. */
export const KAFKA_DEFAULT_MAX_POLL_INTERVAL_MS = 5 * 60_000;

/**
 * Share of the declared lag tolerance (`maxProcessingLag`) that `max.poll.interval.ms` may use: a consumer stuck in
 * processing is evicted and its partitions reassigned within half the tolerated lag, leaving the other half to catch up.
 */
export const POLL_INTERVAL_SHARE_OF_LAG = 0.5;

/**
 * Lowest `max.poll.interval.ms` the configs propose: 30 s. Below it, a garbage-collection pause or one slow downstream
 * call evicts a healthy consumer, and every eviction costs the whole group a rebalance.
 */
export const MIN_MAX_POLL_INTERVAL_MS = 30_000;

/**
 * A batch of `max.poll.records` must finish within `max.poll.interval.ms` even when processing is this many times
 * slower than the declared (typical) time per message: tail latency and a slow dependency. Otherwise the consumer is
 * evicted mid-batch and the whole batch is processed again by another member.
 */
export const POLL_PROCESSING_SAFETY_FACTOR = 10;

/**
 * A compacted log holds up to twice its latest-value size: the cleaner starts only when the dirty (not yet compacted)
 * part reaches `min.cleanable.dirty.ratio`, Kafka's default 0.5, so dirty data can equal the clean data.
 */
export const COMPACTED_LOG_SIZE_FACTOR = 2;

/**
 * Brokers' disks should stay at most 70 % full: segment rolls, the log cleaner's copies, partition reassignment and a
 * traffic surge all need free space, and a full disk takes the broker offline.
 */
export const DISK_FILL_TARGET = 0.7;

/**
 * Mermaid's default `maxTextSize` (Mermaid configuration reference, "maxTextSize", default 50000): a diagram whose text
 * is longer is not drawn at all ("Maximum text size in diagram exceeded"). GitHub renders Mermaid with the defaults, so
 * every generated diagram stays within it.
 */
export const MERMAID_MAX_TEXT_SIZE = 50_000;

/**
 * Mermaid's default `maxEdges` (Mermaid configuration reference, "maxEdges", default 500): the flowchart parser throws
 * "Edge limit exceeded" beyond it, and the page shows an error instead of the diagram.
 */
export const MERMAID_MAX_EDGES = 500;

/**
 * Boxes one flowchart draws before the environment's graph becomes a domain-to-domain overview, with each domain's
 * flow in its own graph. Mermaid lays a flowchart out to the page's width: at GitHub's ~900 px content column a graph
 * of more than about a hundred boxes is scaled down until its labels cannot be read, long before it reaches the hard
 * limits above (a hundred folded boxes with their facts are ~15,000 characters).
 */
export const GRAPH_MAX_NODES = 100;

/**
 * Widest line of a shell command in the runbooks: 80 columns, the classic terminal width, which also fits a code block
 * on a GitHub page or pull-request comment without a horizontal scroll bar (a line that scrolls hides its end, and the
 * end of a reset command is `--execute`). Longer commands continue on the next line after ` \`.
 */
export const RUNBOOK_LINE_WIDTH = 80;
