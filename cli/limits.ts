/**
 * Numbers about topicform's own process, not about Kafka or the declarations: how synth waits for another synth, how
 * often it redraws its progress line, how long it waits for its artifacts worker and how far V8's heap may grow while
 * it runs. Each with its source or reason. (Kafka's limits and the design numbers are in model/limits.ts.)
 */
import { TIME_MS } from '../model/limits';

/**
 * How long a synth waits for another synth writing the same output before it gives up (`topicform synth --wait`):
 * a 10,000-topic synth takes about half a minute here, so ten minutes is a queue of CI jobs, not a hung process.
 */
export const SYNTH_LOCK_WAIT_MS = 10 * TIME_MS.minute;

/** How often a waiting synth looks at the lock again: a blink for a person, nothing for the file system. */
export const SYNTH_LOCK_POLL_MS = 200;

/**
 * A lock file that is still empty or unreadable after this long belongs to a synth killed between creating and
 * writing it (the two happen within microseconds), so it is stale.
 */
export const SYNTH_LOCK_UNREADABLE_STALE_MS = 5_000;

/** How often synth redraws its progress line on a terminal: ten times a second reads as live without flicker. */
export const PROGRESS_REDRAW_MS = 100;

// Synth machinery: the heap setting of synth's own process (cli/heap-growth.ts).

/**
 * V8's heap growing factor during synth, as `--heap-growing-percent` (cli/heap-growth.ts): after each full collection
 * the old generation may grow to 1.5× what was alive, instead of V8's own choice of up to 4× for a program allocating
 * as fast as synth does. Synth keeps its Topology alive throughout (with the declarations, ~160–175 MB live while the
 * stacks are written at 10,000 topics, ~120–240 MB while the artifacts render) while cdktf and the artifacts turn over
 * gigabytes of short-lived objects, so V8's choice let the heap reach ~4× the live data before it collected. A smaller factor collects more often, and each full collection marks the whole live heap
 * on V8's helper threads, which compete with synth's own two. Measured here (the bench's shape, 2 cores, whole
 * process, interleaved runs): at 1,000 topics V8's default took 6.8–7.5 s and 316–325 MiB, 20 % 5.8–6.3 s and
 * 206–211 MiB, 50 % 6.2–6.4 s and 211–215 MiB, 100 % 6.1 s and 229–238 MiB; at 10,000 topics (artifacts worker)
 * 20 % took 34.9 s, 793 MiB and 60.8 s of CPU, 50 % 28.0 s, 879 MiB and 47.8 s of CPU, V8's default ~25 s and
 * ~1,400 MiB. Since synth renders the artifacts inline, 10,000 topics (two alternating runs each): 20 % 27.2–29.3 s
 * and 436–442 MiB, 50 % 26.2–28.2 s and 514–519 MiB; both within the memory target, 50 % the faster.
 */
export const SYNTH_HEAP_GROWING_PERCENT = 50;
