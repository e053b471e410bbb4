/**
 * Property-based fuzzing of the whole synth (fast-check): random apps — environments and declarations with odd names and
 * lengths, numbers at and past every bound, missing, unknown and contradictory fields, cross-domain references, inline
 * credentials — synthesized over a previous output. Every run must end in one of two ways:
 *
 * - conformant output: every stack valid against the provider schema, Kafka's limits kept, no credential anywhere;
 * - errors that each carry a construct path and a field, with the previous output untouched (not one file changed).
 *
 * Never an exception. `TOPICFORM_FUZZ_RUNS` sets how many apps are tried (default 25, about ten seconds); a longer run,
 * with a count of the apps that synthesized: `TOPICFORM_FUZZ_RUNS=1000 TOPICFORM_FUZZ_REPORT=1 npx vitest run
 * test/cli/fuzz.test.ts`. About one app in six synthesizes. A failure prints fast-check's seed and path to replay it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../constructs/cdktf';
import { Domain, KafkaEnvironment, KafkaPrincipal, Replay, Retries, type EventTopic } from '../../constructs';
import { synthesize } from '../../cli/synth';
import { inlineCredential } from '../../model/credentials';
import { MAX_TOPIC_NAME_LENGTH } from '../../model/limits';
import { variantApp } from '../fixtures/apps/variants/main';
import { treeDigest } from '../helpers/output-tree';
import { schemaProblems } from '../helpers/provider-schema';

const RUNS = Number(process.env.TOPICFORM_FUZZ_RUNS ?? 25);
const work = mkdtempSync(join(tmpdir(), 'topicform-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let previous = '';
let previousDigest = '';
beforeAll(() => {
  previous = join(work, 'previous', 'cdktf.out');
  expect(synthesize(variantApp('a', 2), previous, { onNotice: () => undefined }).ok).toBe(true);
  previousDigest = treeDigest(previous);
});

// ---- values: mostly good ones, each with its odd and out-of-bounds cases ----
// Every field is good most of the time, so that a good share of apps synthesize and the conformant side is tested too.

/** `good` 39 times in 40, `odd` otherwise: an app has some fifty fields, so about a quarter of the apps are all good. */
const mostly = <T>(good: fc.Arbitrary<T>, odd: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ weight: 39, arbitrary: good }, { weight: 1, arbitrary: odd });
/** Now and then: `value` one time in `every`, else undefined (left out). */
const rarely = <T>(value: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

const name = mostly(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
  fc.oneof(
    fc.constantFrom('', 'Orders', 'orders_x', 'orders.x', 'a/b', 'dév', ' orders', '-orders', 'x'.repeat(250), '..', 'orders (2)'),
    fc.string({ maxLength: 12 }),
  ),
);
const oddCount = fc.constantFrom(0, -1, 2.5, 769, 1001, 1e6, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY);
const count = (min: number, max: number): fc.Arbitrary<number> => mostly(fc.integer({ min, max }), oddCount);
const oddDuration = fc.constantFrom('0s', '0d', '-1d', 'abc', '', '99999999999d', '1.5h', '1w');
const duration = (min: number, max: number, unit: 'ms' | 's' | 'm' | 'h' | 'd'): fc.Arbitrary<string> =>
  mostly(
    fc.integer({ min, max }).map((n) => `${n}${unit}`),
    oddDuration,
  );
const reason = mostly(
  fc.constantFrom('a written reason that is long enough', 'keyed by id; a duplicate finds the same state and is ignored'),
  fc.constantFrom('', 'short', 'password=hunter22 in the text', 'see https://ops@wiki.example.com/x', 'x'.repeat(300)),
);
const principal = mostly(fc.constantFrom('User:svc-a', 'User:svc-b', 'User:CN=svc,OU=x'), fc.constantFrom('svc', 'User:*', 'Group:ops', 'User:a|b', ''));
const ruleId = mostly(fc.constantFrom('TF-GROUP-004', 'TF-CONTRACT-002', 'TF-PART-001'), fc.constantFrom('TF-NOPE-999', 'tf-group-003', 'TF-LINT-002'));
const suppressions = fc.array(fc.record({ ruleId, reason }), { maxLength: 1 });
const configEntry = mostly(
  fc.constantFrom<[string, string]>(['segment.ms', '86400000'], ['max.message.bytes', '2097152'], ['compression.type', 'zstd'], ['min.compaction.lag.ms', '0']),
  fc.tuple(
    fc.constantFrom(
      'retention.msx',
      'cleanup.policy',
      'min.insync.replicas',
      'confluent.placement',
      'unclean.leader.election.enable',
      'max.compaction.lag.ms',
      'compression.type',
    ),
    fc.constantFrom('-1', 'abc', 'true', '+7', '7d', 'password=hunter22', '9223372036854775808'),
  ),
);
const config = fc.array(configEntry, { maxLength: 2 }).map((entries) => Object.fromEntries(entries));

/** Some fields left out, to exercise missing fields as well as defaults. */
const partial = <T extends Record<string, unknown>>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(model, { requiredKeys: [] });

const replication = fc.boolean().chain((production) =>
  fc.integer({ min: production ? 3 : 1, max: 5 }).chain((factor) =>
    fc.record({
      production: fc.constant(production),
      replicationFactor: mostly(fc.constant(factor), oddCount),
      minInsyncReplicas: mostly(fc.integer({ min: production ? 2 : 1, max: production ? factor - 1 : factor }), oddCount),
    }),
  ),
);

const environment = fc.record({
  name: mostly(fc.constantFrom('dev', 'staging', 'prod'), name),
  replication,
  extra: partial({
    topicPrefix: mostly(fc.constantFrom('', 'staging.'), fc.constantFrom('bad prefix', 'x'.repeat(250))),
    layout: mostly(fc.constantFrom('environment', 'domain'), fc.constant('bogus')),
    domainsFrom: rarely(fc.array(fc.nat({ max: 3 }), { maxLength: 3 }), 5),
    backend: mostly(
      fc.constantFrom<unknown>({ type: 'local' }, { type: 'http', address: 'https://state.example.com/{stack}' }),
      fc.constantFrom<unknown>(
        { type: 'http', address: 'https://admin:s3cret@state.example.com/{stack}' },
        { type: 's3', bucket: 'b', region: 'r', secretKey: 'x' },
      ),
    ),
    scaling: mostly(
      fc.constant<{ replayWindow: number; throughput: number }>({ replayWindow: 0.1, throughput: 0.1 }),
      fc.constantFrom({ replayWindow: 0, throughput: 1 }, { replayWindow: 2, throughput: -1 }),
    ),
    // An unknown field, now and then.
    bootstrapServer: rarely(fc.constant('kafka:9092'), 20),
  }),
});

const topic = fc.record({
  name,
  props: partial({
    eventTypes: mostly(fc.constant<readonly string[]>(['OrderCreated']), fc.constantFrom<readonly string[]>([], [''], ['order created'])),
    key: mostly(
      fc.record({ field: fc.constant('orderId'), aggregate: fc.constant('order'), reason, cardinality: count(1_000, 10_000_000) }),
      fc.constant(undefined),
    ),
    throughput: fc.record({ peakMessagesPerSecond: count(1, 50_000), averageMessageBytes: count(1, 1_000_000) }),
    partitions: count(1, 96),
    replay: mostly(
      duration(1, 30, 'd').map((d) => Replay.window(d as never)),
      fc
        .tuple(duration(1, 24, 'h'), fc.option(duration(1, 400, 'd'), { nil: undefined }))
        .map(([reindex, expire]) => Replay.full({ longestReindex: reindex as never, ...(expire === undefined ? {} : { expireAfter: expire as never }) })),
    ),
    ordering: mostly(fc.constantFrom('per-key', 'none'), fc.constant('bogus')),
    replication: partial({ factor: count(1, 5), minInsyncReplicas: count(1, 4) }),
    config,
    cleanupPolicy: mostly(fc.constant('delete'), fc.constantFrom('compact', 'compact,delete', 'bogus')),
    retentionBytes: count(1_000_000, 1_000_000_000_000),
    contract: partial({ compatibility: mostly(fc.constantFrom('BACKWARD', 'FULL'), fc.constantFrom('NONE', 'bogus')), changeStrategy: reason }),
    description: reason,
    suppressions,
  }),
  groups: fc.array(
    fc.record({
      name,
      crossDomain: rarely(fc.record({ domain: fc.nat({ max: 3 }), reason: mostly<string | undefined>(reason, fc.constant(undefined)) }), 4),
      options: partial({
        service: name,
        principal,
        idempotency: reason,
        retries: mostly(
          fc.tuple(fc.integer({ min: 1, max: 4 }), duration(1, 60, 's')).map(([attempts, first]) => Retries.exponential({ attempts, first: first as never })),
          fc.tuple(oddCount, fc.constant('1s')).map(([attempts, first]) => Retries.exponential({ attempts, first: first })),
        ),
        retryPartitions: rarely(count(1, 24), 8),
        deadLetter: mostly<unknown>(
          fc.constant(true),
          fc.oneof(fc.constant<unknown>(false), partial({ partitions: count(1, 12), retention: duration(1, 60, 'd'), config })),
        ),
        processingTimePerMessage: duration(1, 500, 'ms'),
        maxProcessingLag: duration(1, 60, 'm'),
        offsetCommit: mostly(
          fc.constant<unknown>({ mode: 'manual' }),
          fc.constantFrom<unknown>({ mode: 'auto' }, { mode: 'auto', reason: 'processing is synchronous inside the poll loop' }),
        ),
        processing: mostly(fc.constant('sync'), fc.constantFrom('async', 'bogus')),
        suppressions,
      }),
    }),
    { maxLength: 2 },
  ),
  producers: fc.array(
    fc.record({ principal, service: name, delivery: partial({ timeout: duration(31, 600, 's'), retries: count(1, 10), backoff: duration(10, 1000, 'ms') }) }),
    { maxLength: 2 },
  ),
});

const domain = fc.record({
  name,
  props: partial({ owner: mostly(fc.constant('@acme/team'), fc.constantFrom('', 'nobody')), description: reason, recoveryProcedure: reason, suppressions }),
  topics: fc.array(topic, { maxLength: 2 }),
});

const appSpec = fc.record({
  // Two environments of one name now and then (a duplicate), usually distinct.
  environments: mostly(
    fc.uniqueArray(environment, { minLength: 1, maxLength: 2, selector: (e) => e.name }),
    fc.array(environment, { minLength: 2, maxLength: 2 }),
  ),
  domains: fc.array(domain, { minLength: 1, maxLength: 3 }),
});
type AppSpec = typeof appSpec extends fc.Arbitrary<infer T> ? T : never;

/** Good values for what a declaration needs, which the random fields then override (or leave out: `partial`). */
const BASE = {
  domain: {
    owner: '@acme/team',
    description: 'a domain of the fuzzed app',
    recoveryProcedure: 'docs/runbooks/x.md',
    suppressions: [{ ruleId: 'TF-CONTRACT-004', reason: 'fuzzed declarations carry no schemas' }],
  },
  topic: {
    eventTypes: ['Thing'],
    key: { field: 'thingId', aggregate: 'thing', reason: 'per-thing ordering; things are independent of each other', cardinality: 1_000_000 },
    throughput: { peakMessagesPerSecond: 100, averageMessageBytes: 1_024 },
    replay: Replay.window('7d'),
    contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type' },
  },
  group: {
    service: 'svc',
    principal: KafkaPrincipal.user('svc'),
    idempotency: 'keyed by id; a duplicate finds the same state and is ignored',
    processingTimePerMessage: '5ms',
    maxProcessingLag: '5m',
  },
} as const;

/** Builds the app through the public constructs API, as a user's code would; bad values pass through unchecked (`as never`). */
function buildFrom(spec: AppSpec): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir, stackTraces: false });
    for (const e of spec.environments) {
      const { domainsFrom, ...given } = e.extra;
      const extra = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
      const declared = {
        name: e.name,
        ...e.replication,
        ...extra,
        ...(domainsFrom === undefined ? {} : { domains: domainsFrom.map((i) => spec.domains[i]?.name ?? 'undeclared') }),
      };
      const env = new KafkaEnvironment(app, e.name, { environment: declared });
      const topics: EventTopic[][] = [];
      for (const d of spec.domains) {
        if (!env.carries(d.name)) {
          topics.push([]);
          continue;
        }
        const created = new Domain(env, d.name, { ...BASE.domain, ...d.props });
        topics.push(d.topics.map((t) => created.addEventTopic(t.name, { ...BASE.topic, ...t.props } as never)));
      }
      spec.domains.forEach((d, di) =>
        d.topics.forEach((t, ti) => {
          const declaredTopic = topics[di]?.[ti];
          if (declaredTopic === undefined) return;
          for (const p of t.producers) {
            declaredTopic.grantProduce(p.principal, { service: p.service, ...(Object.keys(p.delivery).length === 0 ? {} : { delivery: p.delivery }) } as never);
          }
          for (const g of t.groups) {
            const group = declaredTopic.addConsumerGroup(g.name, { ...BASE.group, ...g.options } as never);
            const other = g.crossDomain === undefined ? undefined : topics[g.crossDomain.domain]?.[0];
            if (other !== undefined && other !== declaredTopic) {
              group.subscribe(other, g.crossDomain?.reason === undefined ? {} : { reason: g.crossDomain.reason });
            }
          }
        }),
      );
    }
    return app;
  };
}

/** A field path as issues print it: `partitions`, `subscriptions[0].topic`, `config["retention.ms"]`. */
const FIELD = String.raw`(?:[A-Za-z_$][\w$]*|\[(?:\d+|"[^"]*")\])(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"[^"]*")\])*`;
/**
 * A line that names a construct path and, after it, a field: `error: [file:line › ]<path> › <field>: …`, or lint's
 * `  error   TF-X-001 [file:line ]<path> › <field>: …`.
 */
const NAMES_PATH_AND_FIELD = new RegExp(String.raw`^(?:error: (?:.+? › )?.+? › ${FIELD}: \S|\s+error\s+TF-[A-Z]+-\d{3} .+? › ${FIELD}: \S)`);

function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(root, entry.name)) : [join(root, entry.name)]));
}

interface TopicResource {
  readonly name: string;
  readonly partitions: number;
  readonly replication_factor: number;
  readonly config?: Readonly<Record<string, string>>;
}

/** What a successful synth must have written: schema-valid stacks within Kafka's limits, and no credential anywhere. */
function conformanceProblems(out: string): string[] {
  const problems: string[] = [];
  for (const file of filesUnder(out)) {
    const content = readFileSync(file, 'utf8');
    if (inlineCredential(content) !== undefined && !file.endsWith('.md') && !file.endsWith('.ts')) {
      problems.push(`${file}: holds something that looks like a credential`);
    }
    if (!file.endsWith('cdk.tf.json')) continue;
    const json = JSON.parse(content) as Record<string, unknown> & { resource?: { kafka_topic?: Record<string, TopicResource> } };
    problems.push(...schemaProblems(json).map((p) => `${file}: ${p}`));
    for (const t of Object.values(json.resource?.kafka_topic ?? {})) {
      if (!/^[a-zA-Z0-9._-]+$/.test(t.name) || t.name.length > MAX_TOPIC_NAME_LENGTH || t.name === '.' || t.name === '..') {
        problems.push(`${file}: topic name "${t.name}"`);
      }
      if (!Number.isInteger(t.partitions) || t.partitions < 1) problems.push(`${file}: ${t.name} has ${t.partitions} partitions`);
      if (!Number.isInteger(t.replication_factor) || t.replication_factor < 1) {
        problems.push(`${file}: ${t.name} has replication factor ${t.replication_factor}`);
      }
      const minIsr = Number(t.config?.['min.insync.replicas'] ?? 1);
      if (!Number.isInteger(minIsr) || minIsr < 1 || minIsr > t.replication_factor) {
        problems.push(`${file}: ${t.name} has min.insync.replicas ${minIsr} with replication factor ${t.replication_factor}`);
      }
    }
  }
  return problems;
}

describe(`synth of random declarations (${RUNS} apps; TOPICFORM_FUZZ_RUNS for more)`, () => {
  it(
    'ends in conformant output, or in errors naming a construct path and a field with the previous output untouched',
    () => {
      let run = 0;
      let succeeded = 0;
      fc.assert(
        fc.property(appSpec, (spec) => {
          const out = join(work, `run-${run++}`, 'cdktf.out');
          mkdirSync(join(out, '..'), { recursive: true });
          cpSync(previous, out, { recursive: true });
          const result = synthesize(buildFrom(spec), out, { onNotice: () => undefined });
          if (result.ok) {
            succeeded++;
            expect(conformanceProblems(out)).toEqual([]);
          } else {
            const errors = [...result.errors, ...result.warnings].filter((line) => /^\s*error/.test(line));
            expect(errors.length).toBeGreaterThan(0);
            expect(errors.filter((line) => !NAMES_PATH_AND_FIELD.test(line))).toEqual([]);
            expect(treeDigest(out)).toBe(previousDigest);
          }
          rmSync(join(out, '..'), { recursive: true, force: true });
        }),
        { numRuns: RUNS },
      );
      // Most random apps fail; a run where none does would not test the conformant side at all.
      if (RUNS >= 200) expect(succeeded).toBeGreaterThan(0);
      if (process.env.TOPICFORM_FUZZ_REPORT !== undefined) console.info(`fuzz: ${run} apps, ${succeeded} synthesized, ${run - succeeded} refused`);
    },
    Math.max(60_000, RUNS * 2_000),
  );
});
