/** The benchmark's pure parts: the synthetic spec, the statistics and report, the profile summary, option parsing. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type CpuProfile } from '../../bench/cpuprofile';
import { baselineStack, comparable, differences, outputSize } from '../../bench/outputs';
import { checks, mark, markdown, median, series, TARGETS, type SizeResult } from '../../bench/report';
import { DEFAULT_SIZES, parseOptions, QUICK_SIZES } from '../../bench/run';
import { benchSpec, changeSpec, domainCount, topicCount } from '../../bench/spec';

describe('benchSpec', () => {
  it('spreads N topics over ⌈N/150⌉ domains, each topic with a producer and two groups', () => {
    expect([100, 1_000, 10_000].map((n) => domainCount(n))).toEqual([1, 7, 67]);
    const spec = benchSpec(301);
    expect(spec.domains).toHaveLength(3);
    expect(topicCount(spec)).toBe(301);
    expect(spec.domains.map((d) => d.topics.length)).toEqual([101, 100, 100]);
    for (const t of spec.domains.flatMap((d) => d.topics)) expect(t.groups).toHaveLength(2);
    expect(spec.environment).toMatchObject({ production: true, layout: 'domain' });
  });

  it('is the same on every call, with unique names', () => {
    expect(JSON.stringify(benchSpec(500))).toBe(JSON.stringify(benchSpec(500)));
    const events = benchSpec(2_000).domains.flatMap((d) => d.topics.map((t) => t.event));
    expect(new Set(events).size).toBe(2_000);
  });

  it('shares one principal between the two groups of every tenth topic', () => {
    const topics = benchSpec(100).domains.flatMap((d) => d.topics);
    const shared = topics.filter((t) => t.groups[0]?.service === t.groups[1]?.service);
    expect(shared).toHaveLength(10);
  });

  it('rejects sizes that are not positive integers', () => {
    expect(() => benchSpec(0)).toThrow(/positive integer/);
    expect(() => benchSpec(15, 0)).toThrow(/positive integer/);
  });
});

describe('changeSpec', () => {
  it('changes 1 % of the topics, alternating throughput and replay window', () => {
    const spec = benchSpec(1_000);
    const { spec: head, changed } = changeSpec(spec, 0.01);
    expect(changed).toBe(10);
    const before = spec.domains.flatMap((d) => d.topics);
    const after = head.domains.flatMap((d) => d.topics);
    const diffs = after.filter((t, i) => JSON.stringify(t) !== JSON.stringify(before[i]));
    expect(diffs).toHaveLength(10);
    const peakChanged = diffs.filter((t) => t.peakMessagesPerSecond !== before.find((b) => b.event === t.event)?.peakMessagesPerSecond);
    expect(peakChanged).toHaveLength(5);
  });

  it('changes at least one topic of a small spec', () => {
    expect(changeSpec(benchSpec(10), 0.01).changed).toBe(1);
  });
});

describe('statistics and report', () => {
  it('takes medians of odd and even series', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(series([5, 1, 3])).toEqual({ values: [5, 1, 3], median: 3, min: 1, max: 5 });
    expect(() => series([])).toThrow();
  });

  /** A 10,000-topic result; lint with resolve() and review against dropped values default to the lenient figures. */
  const result = (
    wallRatio: number,
    rssRatio: number,
    share: number,
    reviewRatio: number,
    strict: { shareWithResolve?: number; strictRatio?: number } = {},
    artifactsBytes = 90,
  ): SizeResult => {
    const s = series([1_000]);
    const side = { wallMs: s, cpuMs: s, peakRssMiB: s, loadedMs: 100, loadedRssMiB: 80 };
    return {
      topics: 10_000,
      stacks: 20,
      output: {
        stacks: { bytes: 100, files: 40 },
        docs: { bytes: artifactsBytes - 30, files: 70 },
        clients: { bytes: 20, files: 300 },
        other: { bytes: 10, files: 3 },
        total: { bytes: 100 + artifactsBytes, files: 413 },
      },
      resources: { total: 120_000, topics: 30_000, acls: 89_000, perTopic: 12, perStack: 6_000, largestStack: { name: 'prod-domain-000', resources: 6_001 } },
      synth: {
        topicform: side,
        baseline: side,
        wallRatio,
        cpuRatio: wallRatio,
        rssRatio,
        stacksOnly: { ...side, wallMs: series([550, 600, 700]), peakRssMiB: series([90]) },
        stacksOnlyWallRatio: 0.6,
        stacksOnlyCpuRatio: 0.7,
        deterministic: true,
      },
      lint: { lintMs: s, resolveMs: s, lintWithResolveMs: series([2_000]), share, shareWithResolve: strict.shareWithResolve ?? share, findings: 0 },
      review: {
        changedTopics: 100,
        reviewMs: s,
        parseMs: s,
        parseDiscardMs: series([400]),
        ratio: reviewRatio,
        strictRatio: strict.strictRatio ?? reviewRatio,
        findings: 100,
        bytes: 2 ** 20,
      },
    };
  };

  it('checks each ratio against its target', () => {
    const passing = checks([result(0.9, 0.95, 0.01, 1.5)]);
    expect(passing.every((c) => c.pass && c.applies)).toBe(true);
    const failing = checks([result(TARGETS.synthWall + 0.01, 1.4, 0.06, 2.5, {}, 101)]);
    expect(failing.filter((c) => !c.pass).map((c) => c.what)).toEqual(['synth wall', 'peak RSS', 'lint share', 'review', 'artifacts size']);
  });

  it("judges synth time and peak RSS against DESIGN.md's ≤ 1.0× plain cdktf, not the earlier 1.3×", () => {
    const slightlySlower = checks([result(1.05, 1.05, 0.01, 1.5)]);
    expect(slightlySlower.filter((c) => !c.pass).map((c) => c.what)).toEqual(['synth wall', 'peak RSS']);
    expect(slightlySlower.find((c) => c.what === 'synth wall')?.text).toBe('10,000 topics: synth 1.05× plain cdktf (target ≤ 1.00×)');
    expect(checks([result(1.0, 1.0, 0.01, 1.5)]).every((c) => c.pass)).toBe(true);
  });

  it('measures the output per part and judges the artifacts against the stacks, in bytes', () => {
    const larger = checks([result(0.9, 0.95, 0.01, 1.5, {}, 101)]).find((x) => x.what === 'artifacts size');
    expect(checks([result(0.9, 0.95, 0.01, 1.5, {}, 100)]).find((x) => x.what === 'artifacts size')?.pass).toBe(true);
    expect(larger?.pass).toBe(false);
    expect(larger?.text).toBe("10,000 topics: artifacts 1.01× the stacks' bytes (target ≤ 1.00×)");
    const dir = mkdtempSync(join(tmpdir(), 'topicform-output-size-'));
    try {
      const put = (path: string, bytes: number): void => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), 'x'.repeat(bytes));
      };
      put('stacks/prod-a/cdk.tf.json', 300);
      put('stacks/prod-a/topology.json', 100);
      put('docs/prod/runbooks/a.md', 50);
      put('clients/prod/svc/client.json', 20);
      put('clients/prod/svc/producer.properties', 5);
      put('portal/a/asyncapi.yaml', 7);
      put('manifest.json', 3);
      expect(outputSize(dir)).toEqual({
        stacks: { bytes: 400, files: 2 },
        docs: { bytes: 50, files: 1 },
        clients: { bytes: 25, files: 2 },
        other: { bytes: 10, files: 2 },
        total: { bytes: 485, files: 7 },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('judges lint with resolve() and review against JSON.parse with values dropped: the stricter of each pair', () => {
    // As measured at 10,000 topics: review 1.5× JSON.parse with values kept, 3.5× with values dropped.
    const measured = checks([result(0.9, 0.95, 0.01, 1.5, { shareWithResolve: 0.06, strictRatio: 3.5 })]);
    expect(measured.filter((c) => !c.pass).map((c) => [c.what, c.value])).toEqual([
      ['lint share', 0.06],
      ['review', 3.5],
    ]);
    expect(measured.find((c) => c.what === 'review')?.text).toBe(
      '10,000 topics: review 3.50× JSON.parse with values dropped, 1.50× with values kept (target ≤ 2.00× against values dropped)',
    );
    expect(measured.find((c) => c.what === 'lint share')?.text).toBe(
      '10,000 topics: lint with resolve() 6.0 % of synth, lint alone 1.0 % (target ≤ 5.0 % with resolve())',
    );
    const within = checks([result(0.9, 0.95, 0.01, 1.5, { shareWithResolve: 0.05, strictRatio: 2.0 })]);
    expect(within.every((c) => c.pass)).toBe(true);
  });

  it('judges lint and review only at 10,000 topics, as DESIGN.md states them', () => {
    const small = checks([{ ...result(0.9, 0.95, 0.06, 2.5), topics: 1_000 }]);
    expect(small.filter((c) => !c.applies).map((c) => [c.what, mark(c)])).toEqual([
      ['lint share', '·'],
      ['review', '·'],
    ]);
    expect(small.filter((c) => c.applies).every((c) => c.pass)).toBe(true);
  });

  it('renders the table and the checks', () => {
    const text = markdown([result(0.9, 0.95, 0.01, 1.5)], {
      node: 'v20',
      cpus: '2 × CPU',
      repeat: 3,
      nodeFlags: ['--import', 'tsx'],
      topicform: 'package',
      loadAverage: [1, 1, 1],
      totalSeconds: 60,
    });
    expect(text).toContain('| 10,000 | 20 | 120,000 | 12.00 | 6,000 (6,001) |');
    expect(text).toContain('**0.90×**');
    expect(text).toContain('✓ 10,000 topics: lint with resolve() 1.0 % of synth, lint alone 1.0 %');
    // lint 1 s, lint + resolve() 2 s, review 1 s against JSON.parse 1 s (values kept) and 400 ms (values dropped)
    expect(text).toContain(
      '| 10,000 | 1.00 s | 1.0 % | 2.00 s | **1.0 %** | 1.00 s (100 topics changed, 100 findings) | 1.00 s (1.0 MiB) | 1.50× | 400 ms | **1.50×** |',
    );
    expect(text).toContain('topicform from the built package (dist/, compiled JavaScript, as installed)');
    // --no-artifacts: 600 ms (550–700) against the full synth's 1 s is 60 %; shown beside the full synth, not judged
    expect(text).toContain('| 10,000 | 0.60 s (0.55 s–0.70 s) | **0.60×** | 0.70× | 90 MiB | 60.0 % |');
    expect(checks([result(0.9, 0.95, 0.01, 1.5)]).map((c) => c.what)).not.toContain('synth --no-artifacts');
  });
});

describe('cpuprofile summary', () => {
  const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0 });
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      { id: 2, callFrame: frame('lint', 'file:///repo/rules/run.ts'), children: [3] },
      { id: 3, callFrame: frame('resolve', 'file:///repo/node_modules/cdktf/lib/tokens/private/resolve.js') },
      { id: 4, callFrame: frame('(garbage collector)', '') },
    ],
    startTime: 0,
    endTime: 4_000,
    samples: [2, 3, 3, 4],
    timeDeltas: [1_000, 1_000, 1_000, 1_000],
  };

  it('sums self time by area and function, and inclusive time by name', () => {
    const s = summarize(profile, { inclusive: ['lint'] });
    expect(s.totalMs).toBe(4);
    expect(s.byArea.map((r) => [r.name, r.ms])).toEqual([
      ['cdktf', 2],
      ['GC', 1],
      ['topicform rules/ (lint)', 1],
    ]);
    expect(s.inclusive).toEqual([{ name: 'lint', ms: 3, share: 0.75 }]);
    expect(s.byFunction[0]?.name).toBe('resolve cdktf/lib/tokens/private/resolve.js:1');
  });
});

describe('baseline input and equivalence', () => {
  const stack = {
    '//': { metadata: { stackName: 'prod-a' } },
    provider: { kafka: [{ bootstrap_servers: '${var.kafka_bootstrap_servers}', sasl_mechanism: 'scram-sha512', tls_enabled: true }] },
    terraform: { backend: { local: { path: '../../../terraform.prod-a.tfstate' } } },
    variable: { kafka_bootstrap_servers: { description: 'servers', nullable: false, type: 'list(string)' } },
    resource: {
      kafka_topic: {
        a_x: { '//': {}, name: 'a.x', partitions: 6, replication_factor: 3, config: { 'retention.ms': '1' }, lifecycle: { prevent_destroy: true } },
      },
      kafka_acl: {
        acl_1: {
          acl_principal: 'User:s',
          acl_host: '*',
          acl_operation: 'Read',
          acl_permission_type: 'Allow',
          resource_type: 'Topic',
          resource_name: 'a.x',
          resource_pattern_type_filter: 'Literal',
        },
      },
      kafka_quota: { quota_s: { entity_type: 'user', entity_name: 's', config: { consumer_byte_rate: 100 } } },
    },
  };

  it('reads what the baseline needs from a stack', () => {
    expect(baselineStack('prod-a', stack)).toEqual({
      name: 'prod-a',
      statePath: '../../../terraform.prod-a.tfstate',
      variable: { name: 'kafka_bootstrap_servers', type: 'list(string)', nullable: false, description: 'servers' },
      provider: { tlsEnabled: true, saslMechanism: 'scram-sha512' },
      topics: [['a_x', 'a.x', 6, 3, { 'retention.ms': '1' }, true]],
      acls: [['acl_1', 'User:s', '*', 'Read', 'Allow', 'Topic', 'a.x', 'Literal']],
      quotas: [['quota_s', 'user', 's', { consumer_byte_rate: 100 }]],
    });
  });

  it('refuses blocks and resource types it cannot write', () => {
    expect(() => baselineStack('x', { ...stack, moved: [] })).toThrow(/top-level moved/);
    expect(() => baselineStack('x', { ...stack, resource: { ...stack.resource, kafka_user_scram_credential: {} } })).toThrow(/kafka_user_scram_credential/);
  });

  it('compares documents without "//" metadata and names the differences', () => {
    expect(comparable({ b: 1, '//': { x: 1 }, a: { '//': 2, c: [{ '//': 3, d: 4 }] } })).toEqual({ a: { c: [{ d: 4 }] }, b: 1 });
    expect(differences(comparable(stack), comparable(stack))).toEqual([]);
    const changed = { ...stack, variable: { kafka_bootstrap_servers: { ...stack.variable.kafka_bootstrap_servers, nullable: true } } };
    expect(differences(comparable(stack), comparable(changed))).toEqual(['.variable.kafka_bootstrap_servers.nullable: false ≠ true']);
  });
});

describe('command line', () => {
  it('defaults to 100, 1,000 and 10,000 topics, three runs each', () => {
    expect(parseOptions([])).toEqual({ sizes: [...DEFAULT_SIZES], repeat: 3, json: false, keep: false, noSourceMaps: false, fromSources: false });
    expect(parseOptions(['--quick', '--json'])).toEqual({
      sizes: [...QUICK_SIZES],
      repeat: 3,
      json: true,
      keep: false,
      noSourceMaps: false,
      fromSources: false,
    });
    expect(parseOptions(['--sizes', '50,2_000', '--repeat', '5'])).toEqual({
      sizes: [50, 2_000],
      repeat: 5,
      json: false,
      keep: false,
      noSourceMaps: false,
      fromSources: false,
    });
    expect(parseOptions(['--quick', '--from-sources'])).toMatchObject({ sizes: [...QUICK_SIZES], fromSources: true });
  });

  it('explains bad options and prints help', () => {
    expect(parseOptions(['--sizes', '10,x'])).toHaveProperty('error');
    expect(parseOptions(['--repeat', '0'])).toHaveProperty('error');
    expect(parseOptions(['--quick', '--sizes', '5'])).toHaveProperty('error');
    expect(parseOptions(['--frobnicate'])).toHaveProperty('error');
    expect(parseOptions(['--help'])).toHaveProperty('help');
  });
});
