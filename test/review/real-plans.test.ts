/**
 * Review over plans the real terraform printed, not the provider double: every `terraform show -json` sample in
 * ../shared/fixtures/terraform-plan-json (from hashicorp/terraform's own tests, see its SOURCES.md) is parsed and
 * classified, with what each must produce written out by hand from the sample's recorded actions.
 *
 * No public sample plans a kafka_topic, so each sample is read twice:
 * - as printed: review reads only managed kafka_topic and kafka_acl changes, so other providers' resources, data
 *   sources and outputs leave no change and no drift, whatever the plan format version (1.0, 1.1, 1.2) carries;
 * - with each resource's type (and the type in its addresses) swapped for kafka_topic and nothing else touched, so
 *   terraform's real shapes of create, update, delete, replace with replace_paths, drift, moved and importing go
 *   through parsePlan and the plan evidence exactly as a Kafka plan would.
 *
 * Skipped with the reason where ../shared is absent; failing instead with TOPICFORM_TEST_STRICT=1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseOutput, parsePlan } from '../../review/parse';
import { review } from '../../review/review';
import type { PlanAction, Row, Verdict } from '../../review/types';
import { describeNeeding, SHARED_ROOT, sharedRequirement } from '../helpers/requirements';
import { MutableOutput } from './corpus/output';

const FOLDER = 'fixtures/terraform-plan-json';
const DIR = join(SHARED_ROOT, FOLDER);

interface ExpectedChange {
  readonly address: string;
  readonly actions: readonly PlanAction[];
  readonly replacePaths?: readonly string[];
  readonly previousAddress?: string;
  readonly importingId?: string;
  readonly actionReason?: string;
}

interface ExpectedSample {
  /** `terraform_version`, or null where the sample has none (the equivalence harness strips it). */
  readonly version: string | null;
  /** The kept changes once the types are kafka_topic: no-op changes only when moved or imported. */
  readonly changes: readonly ExpectedChange[];
  /** `resource_drift`, with the rows review shows where given. */
  readonly drift: ReadonlyArray<{ readonly address: string; readonly actions: readonly PlanAction[]; readonly rows?: readonly Row[] }>;
  /** What the plan adds to a review of two identical outputs: a finding per delete or replacement. */
  readonly findings: ReadonlyArray<readonly [Verdict, string]>;
}

const create = (address: string): ExpectedChange => ({ address, actions: ['create'] });
const replaced = 'replaces it because of';

/** Each sample, from SOURCES.md's "actions in resource_changes" column and the sample itself. */
const SAMPLES: Readonly<Record<string, ExpectedSample>> = {
  'cloud/plan-import-config-gen-plan-redacted.json': {
    version: '1.5.0',
    changes: [{ address: 'kafka_topic.foo', actions: ['no-op'], importingId: 'bar' }],
    drift: [],
    findings: [],
  },
  'cloud/plan-json-basic-plan-unredacted.json': { version: '1.4.4', changes: [create('kafka_topic.foo')], drift: [], findings: [] },
  'cloud/plan-json-full-plan-unredacted.json': {
    version: '1.4.4',
    changes: [create('kafka_topic.example'), create('kafka_topic.example')],
    drift: [],
    findings: [],
  },
  'cloud/plan-json-no-changes-plan-unredacted.json': { version: '1.4.4', changes: [], drift: [], findings: [] },
  'equivalence/basic_map_update.json': { version: null, changes: [{ address: 'kafka_topic.map', actions: ['update'] }], drift: [], findings: [] },
  'equivalence/data_read.json': {
    // The data source read is not a managed resource: left out.
    version: null,
    changes: [create('kafka_topic.create'), create('module.create.kafka_topic.data_file'), create('module.create.kafka_topic.random')],
    drift: [],
    findings: [],
  },
  'equivalence/drift_refresh_only.json': {
    version: null,
    changes: [],
    drift: [{ address: 'kafka_topic.drift', actions: ['update'], rows: [{ key: 'string', current: 'Hello, world!', new: 'Hello, drift!' }] }],
    findings: [],
  },
  'equivalence/drift_simple.json': {
    version: null,
    changes: [{ address: 'kafka_topic.drift', actions: ['update'] }],
    drift: [{ address: 'kafka_topic.drift', actions: ['update'], rows: [{ key: 'string', current: 'Hello, world!', new: 'Hello, drift!' }] }],
    findings: [],
  },
  'equivalence/fully_populated_complex_update.json': {
    version: null,
    changes: [{ address: 'kafka_topic.complex', actions: ['update'] }],
    drift: [],
    findings: [],
  },
  'equivalence/local_provider_delete.json': {
    version: null,
    changes: [{ address: 'kafka_topic.local_file', actions: ['delete'], actionReason: 'delete_because_no_resource_config' }],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.local_file/plan-delete']],
  },
  'equivalence/local_provider_update.json': {
    version: null,
    changes: [{ address: 'kafka_topic.local_file', actions: ['delete', 'create'], replacePaths: ['content'], actionReason: 'replace_because_cannot_update' }],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.local_file/plan-replace']],
  },
  'equivalence/moved_simple.json': {
    version: null,
    changes: [{ address: 'kafka_topic.second', actions: ['no-op'], previousAddress: 'kafka_topic.first' }],
    drift: [],
    findings: [],
  },
  'equivalence/moved_with_update.json': {
    version: null,
    changes: [{ address: 'kafka_topic.moved', actions: ['update'], previousAddress: 'kafka_topic.base' }],
    drift: [],
    findings: [],
  },
  'equivalence/null_provider_delete.json': {
    version: null,
    changes: [{ address: 'kafka_topic.null_resource', actions: ['delete'], actionReason: 'delete_because_no_resource_config' }],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.null_resource/plan-delete']],
  },
  'equivalence/null_provider_update.json': { version: null, changes: [], drift: [], findings: [] },
  'equivalence/replace_within_map.json': {
    version: null,
    changes: [{ address: 'kafka_topic.map', actions: ['delete', 'create'], replacePaths: ['map.key_two.id'], actionReason: 'replace_because_cannot_update' }],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.map/plan-replace']],
  },
  'equivalence/simple_object_replace.json': {
    version: null,
    changes: [{ address: 'kafka_topic.object', actions: ['delete', 'create'], replacePaths: ['id'], actionReason: 'replace_because_cannot_update' }],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.object/plan-replace']],
  },
  'equivalence/variables_and_outputs.json': { version: null, changes: [], drift: [], findings: [] },
  'show-json/basic-create.json': {
    version: null,
    changes: [create('kafka_topic.test[0]'), create('kafka_topic.test[1]'), create('kafka_topic.test[2]')],
    drift: [],
    findings: [],
  },
  'show-json/basic-delete.json': {
    version: null,
    changes: [
      { address: 'kafka_topic.test', actions: ['update'] },
      { address: 'kafka_topic.test-delete', actions: ['delete'], actionReason: 'delete_because_no_resource_config' },
    ],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.test-delete/plan-delete']],
  },
  'show-json/basic-update.json': { version: null, changes: [], drift: [], findings: [] },
  'show-json/drift.json': {
    version: null,
    changes: [
      { address: 'kafka_topic.no_refresh', actions: ['update'] },
      { address: 'kafka_topic.should_refresh', actions: ['update'] },
    ],
    drift: [{ address: 'kafka_topic.should_refresh', actions: ['update'], rows: [{ key: 'ami', current: 'refresh-me', new: 'refreshed' }] }],
    findings: [],
  },
  'show-json/modules.json': {
    version: null,
    changes: [
      create('module.module_test_bar.kafka_topic.test'),
      create('module.module_test_foo.kafka_topic.test[0]'),
      create('module.module_test_foo.kafka_topic.test[1]'),
      create('module.module_test_foo.kafka_topic.test[2]'),
    ],
    drift: [],
    findings: [],
  },
  'show-json/moved.json': {
    version: null,
    changes: [{ address: 'kafka_topic.baz', actions: ['update'], previousAddress: 'kafka_topic.foo' }],
    drift: [],
    findings: [],
  },
  'show-json/multi-resource-update.json': {
    version: '0.13.0',
    // test[0] only moved (from test, when count was added): kept, as a move is something to review.
    changes: [{ address: 'kafka_topic.test[0]', actions: ['no-op'], previousAddress: 'kafka_topic.test' }, create('kafka_topic.test[1]')],
    drift: [],
    findings: [],
  },
  'show-json/requires-replace.json': {
    version: null,
    changes: [{ address: 'kafka_topic.test', actions: ['delete', 'create'], replacePaths: ['ami'], actionReason: 'replace_because_cannot_update' }],
    drift: [],
    findings: [['BLOCK', 'dev/kafka_topic.test/plan-replace']],
  },
  'show-json/sensitive-values.json': { version: null, changes: [create('kafka_topic.test')], drift: [], findings: [] },
};

/** The replacement rows review must show, where the replace path is a top-level attribute. */
const REPLACE_ROWS: Readonly<Record<string, readonly Row[]>> = {
  'equivalence/local_provider_update.json': [
    { key: 'actions', current: '—', new: 'delete, create' },
    { key: 'content', current: '{"hello":"world"}', new: '{"goodbye":"world"}' },
  ],
  'equivalence/simple_object_replace.json': [
    { key: 'actions', current: '—', new: 'delete, create' },
    { key: 'id', current: 'a0ed13ec-116b-14c4-7437-418e217d3659', new: '63A9E8E8-71BC-4DAE-A66C-48CE393CCBD3' },
  ],
  'show-json/requires-replace.json': [
    { key: 'actions', current: '—', new: 'delete, create' },
    { key: 'ami', current: 'bar', new: 'force-replace' },
  ],
};

type Json = Record<string, unknown>;

/** The sample with every resource change's and drift's type swapped for kafka_topic, in its addresses too. */
function asKafkaTopics(text: string): string {
  const plan = JSON.parse(text) as Json;
  for (const section of ['resource_changes', 'resource_drift']) {
    for (const rc of (plan[section] as Json[] | undefined) ?? []) {
      const type = rc.type as string;
      const swap = (address: unknown): unknown => (typeof address === 'string' ? address.replace(new RegExp(`(^|\\.)${type}\\.`), '$1kafka_topic.') : address);
      rc.address = swap(rc.address);
      if (rc.previous_address !== undefined) rc.previous_address = swap(rc.previous_address);
      rc.type = 'kafka_topic';
    }
  }
  return JSON.stringify(plan);
}

const read = (file: string): string => readFileSync(join(DIR, file), 'utf8');

describeNeeding(sharedRequirement(FOLDER), 'review of the real terraform show -json samples (../shared/fixtures/terraform-plan-json)', () => {
  const names = Object.keys(SAMPLES).sort();

  it('has an expectation for every sample in the folder', () => {
    const onDisk = ['cloud', 'equivalence', 'show-json']
      .flatMap((sub) =>
        readdirSync(join(DIR, sub))
          .filter((f) => f.endsWith('.json'))
          .map((f) => `${sub}/${f}`),
      )
      .sort();
    expect(onDisk).toEqual(names);
  });

  it.each(names)('%s as printed: parses, and leaves no Kafka change and no drift', (name) => {
    const plan = parsePlan('dev', { file: name, text: read(name) });
    expect(plan.terraformVersion).toBe(SAMPLES[name]?.version);
    expect(plan.changes).toEqual([]);
    expect(plan.drift).toEqual([]);
  });

  it.each(names)('%s as Kafka topics: keeps the changes that do something, with their evidence', (name) => {
    const expected = SAMPLES[name] as ExpectedSample;
    const plan = parsePlan('dev', { file: name, text: asKafkaTopics(read(name)) });
    expect(
      plan.changes.map((c) => ({
        address: c.address,
        actions: c.actions,
        ...(c.replacePaths.length > 0 ? { replacePaths: c.replacePaths } : {}),
        ...(c.previousAddress === null ? {} : { previousAddress: c.previousAddress }),
        ...(c.importingId === null ? {} : { importingId: c.importingId }),
        ...(c.actionReason === null ? {} : { actionReason: c.actionReason }),
      })),
    ).toEqual(expected.changes);
    expect(plan.drift.map((d) => ({ address: d.address, actions: d.actions }))).toEqual(
      expected.drift.map((d) => ({ address: d.address, actions: d.actions })),
    );
  });

  it.each(names)('%s as Kafka topics: classified into plan findings and drift', (name) => {
    const expected = SAMPLES[name] as ExpectedSample;
    const seed = MutableOutput.seed(['dev']);
    const result = review({
      base: parseOutput('base', seed.files('base')),
      head: parseOutput('head', seed.files('head')),
      plans: [parsePlan('dev', { file: name, text: asKafkaTopics(read(name)) })],
    });
    expect(result.findings.map((f) => [f.verdict, f.id])).toEqual(expected.findings);
    expect(result.summary.blocking).toBe(expected.findings.filter(([v]) => v === 'BLOCK').length);
    for (const f of result.findings) {
      expect(f.plan.map((p) => p.address)).toEqual([f.subject.kind === 'topic' ? f.subject.name : '?']);
      if (f.rule === 'plan-replace') {
        const change = expected.changes.find((c) => c.address === f.plan[0]?.address);
        expect(f.reason).toContain(`terraform ${replaced} ${(change?.replacePaths ?? []).join(', ')}`);
        expect(f.rows[0]).toEqual({ key: 'actions', current: '—', new: 'delete, create' });
        const rows = REPLACE_ROWS[name];
        if (rows !== undefined) expect(f.rows).toEqual(rows);
      } else {
        expect(f.rows).toEqual([{ key: 'actions', current: '—', new: 'delete' }]);
        expect(f.after).toBe('(deleted)');
      }
    }
    expect(result.drift.map((d) => ({ address: `${d.stack} ${d.address}`, actions: d.actions }))).toEqual(
      expected.drift.map((d) => ({ address: `dev ${d.address}`, actions: d.actions })),
    );
    for (const d of expected.drift) {
      if (d.rows !== undefined) expect(result.drift.find((x) => x.address === d.address)?.rows).toEqual(d.rows);
    }
  });

  it('covers create, update, delete, replace with replace_paths, drift, moved and importing', () => {
    const all = Object.values(SAMPLES);
    const changes = all.flatMap((s) => s.changes);
    expect(changes.some((c) => c.actions.join() === 'create')).toBe(true);
    expect(changes.some((c) => c.actions.join() === 'update')).toBe(true);
    expect(changes.some((c) => c.actions.join() === 'delete')).toBe(true);
    expect(changes.some((c) => c.actions.join() === 'delete,create' && (c.replacePaths ?? []).length > 0)).toBe(true);
    expect(all.some((s) => s.drift.length > 0)).toBe(true);
    expect(changes.some((c) => c.previousAddress !== undefined)).toBe(true);
    expect(changes.some((c) => c.importingId !== undefined)).toBe(true);
  });
});
