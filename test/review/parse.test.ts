// Bad inputs never crash: every problem is a ReviewInputError naming the file and the JSON path.
import { describe, expect, it } from 'vitest';
import { ReviewInputError } from '../../review/errors';
import { TOPOLOGY_PROBLEMS_SHOWN } from '../../review/limits';
import { parseOutput, parsePlan, parseStack } from '../../review/parse';
import { MutableOutput } from './corpus/output';

function seedFiles(): { terraform: string; topology: string } {
  const [files] = MutableOutput.seed(['dev']).files('out');
  if (files === undefined) throw new Error('no seed');
  return { terraform: files.terraform.text, topology: files.topology.text };
}

function stack(terraform: string, topology: string): () => unknown {
  return () =>
    parseStack({
      stack: 'dev',
      terraform: { file: 'out/stacks/dev/cdk.tf.json', text: terraform },
      topology: { file: 'out/stacks/dev/topology.json', text: topology },
    });
}

function expectInputError(run: () => unknown, file: string, message: RegExp): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ReviewInputError);
  expect((error as ReviewInputError).file).toBe(file);
  expect((error as ReviewInputError).message).toMatch(message);
}

describe('parse: a synthesized stack', () => {
  it('indexes topics by address and name, and ACLs by address and 7-part id', () => {
    const { terraform, topology } = seedFiles();
    const s = parseStack({ stack: 'dev', terraform: { file: 't', text: terraform }, topology: { file: 'p', text: topology } });
    expect(s.topicsByName.get('orders.order-created')).toMatchObject({
      address: 'kafka_topic.orders_order-created',
      partitions: 2,
      replicationFactor: 1,
      preventDestroy: false,
    });
    expect(s.aclsById.get('User:payment-service|*|Read|Allow|Topic|orders.order-created|Literal')?.address).toMatch(
      /^kafka_acl\.acl_payment-service_Read_Topic_orders_order-created_/,
    );
    expect(s.environment).toMatchObject({ name: 'dev', production: false });
    expect(s.backend).toBe('local');
  });

  it('reads moved, removed and import blocks, as one object or a list', () => {
    const { terraform, topology } = seedFiles();
    const tf = JSON.parse(terraform) as Record<string, unknown>;
    tf.moved = { from: 'kafka_topic.a', to: 'kafka_topic.b' };
    tf.removed = [{ from: 'kafka_topic.c', lifecycle: [{ destroy: false }] }, { from: 'kafka_topic.d' }];
    tf.import = [{ to: 'kafka_topic.e', id: 'e' }];
    const s = parseStack({ stack: 'dev', terraform: { file: 't', text: JSON.stringify(tf) }, topology: { file: 'p', text: topology } });
    expect(s.moved).toEqual([{ from: 'kafka_topic.a', to: 'kafka_topic.b' }]);
    expect(s.removed).toEqual([
      { from: 'kafka_topic.c', destroy: false },
      { from: 'kafka_topic.d', destroy: true },
    ]);
    expect(s.imports).toEqual([{ to: 'kafka_topic.e', id: 'e' }]);
  });

  it('fails when cdk.tf.json is truncated, naming the file and saying it ends early', () => {
    const { terraform, topology } = seedFiles();
    expectInputError(
      stack(terraform.slice(0, terraform.length / 2), topology),
      'out/stacks/dev/cdk.tf.json',
      /not valid JSON .*ends early — is it truncated\?/,
    );
  });

  it('fails when a file is empty', () => {
    expectInputError(stack(seedFiles().terraform, ''), 'out/stacks/dev/topology.json', /the file is empty/);
  });

  it('fails when a topic attribute has the wrong type, with its JSON path', () => {
    const { terraform, topology } = seedFiles();
    const tf = JSON.parse(terraform) as { resource: { kafka_topic: Record<string, Record<string, unknown>> } };
    const topic = tf.resource.kafka_topic['orders_order-created'];
    if (topic !== undefined) topic.partitions = '${var.partitions}';
    expectInputError(
      stack(JSON.stringify(tf), topology),
      'out/stacks/dev/cdk.tf.json',
      /resource\.kafka_topic\["orders_order-created"\]\.partitions: expected a number, got "\$\{var\.partitions\}"/,
    );
  });

  it('fails when the Topology has another format version', () => {
    const { terraform, topology } = seedFiles();
    const topo = { ...(JSON.parse(topology) as object), formatVersion: 2 };
    expectInputError(stack(terraform, JSON.stringify(topo)), 'out/stacks/dev/topology.json', /formatVersion: this review reads Topology format 1, got 2/);
  });

  it('fails when a Topology list is missing', () => {
    const { terraform, topology } = seedFiles();
    const topo = JSON.parse(topology) as Record<string, unknown>;
    delete topo.consumerGroups;
    expectInputError(
      stack(terraform, JSON.stringify(topo)),
      'out/stacks/dev/topology.json',
      /consumerGroups: expected an array, got nothing \(the field is missing\)/,
    );
  });

  it('keeps the Topology as read, for the contract and access sections', () => {
    const { terraform, topology } = seedFiles();
    const s = parseStack({ stack: 'dev', terraform: { file: 't', text: terraform }, topology: { file: 'p', text: topology } });
    expect(s.topology).toEqual(JSON.parse(topology));
  });

  /** The seed's topology.json with one change; returns what parse says about it. */
  const withTopology = (
    change: (topo: {
      topics: Record<string, unknown>[];
      acls: Record<string, unknown>[];
      domains: Record<string, unknown>[];
      consumerGroups: { subscriptions: Record<string, unknown>[] }[];
      producers: Record<string, unknown>[];
    }) => void,
  ): (() => unknown) => {
    const { terraform, topology } = seedFiles();
    const topo = JSON.parse(topology) as Parameters<typeof change>[0];
    change(topo);
    return stack(terraform, JSON.stringify(topo));
  };
  const orderCreated = (topo: { topics: Record<string, unknown>[] }): { index: number; contract: Record<string, unknown> } => {
    const index = topo.topics.findIndex((t) => t.name === 'orders.order-created');
    return { index, contract: topo.topics[index]?.contract as Record<string, unknown> };
  };
  const TOPOLOGY = 'out/stacks/dev/topology.json';

  it('fails when an event contract is not what the contract section reads, naming the field', () => {
    expectInputError(
      withTopology((t) => void (orderCreated(t).contract.compatibility = 'BACKWARDS')),
      TOPOLOGY,
      /topics\[\d+\]\.contract\.compatibility: expected one of BACKWARD, BACKWARD_TRANSITIVE, .*got "BACKWARDS"/,
    );
    expectInputError(
      withTopology((t) => void (orderCreated(t).contract.schema = 'OrderCreated')),
      TOPOLOGY,
      /topics\[\d+\]\.contract\.schema: expected an object, got "OrderCreated"/,
    );
    expectInputError(
      withTopology((t) => void (orderCreated(t).contract.schemas = { OrderCreated: [] })),
      TOPOLOGY,
      /topics\[\d+\]\.contract\.schemas\.OrderCreated: expected an object, got an array/,
    );
    expectInputError(
      withTopology((t) => {
        const topic = t.topics[orderCreated(t).index];
        if (topic !== undefined) delete topic.contract;
      }),
      TOPOLOGY,
      /topics\[\d+\]\.contract: expected an object, got nothing/,
    );
  });

  it('fails when an ACL, an owner or a subscription reason is not what the access section reads, naming the field', () => {
    expectInputError(
      withTopology((t) => void ((t.acls[0] as Record<string, unknown>).operation = 'read')),
      TOPOLOGY,
      /acls\[0\]\.operation: expected one of Read, Write, .*got "read"/,
    );
    expectInputError(
      withTopology((t) => void delete (t.acls[1] as Record<string, unknown>).domain),
      TOPOLOGY,
      /acls\[1\]\.domain: expected a string, got nothing/,
    );
    expectInputError(
      withTopology((t) => void ((t.acls[2] as Record<string, unknown>).legacy = { reason: 7 })),
      TOPOLOGY,
      /acls\[2\]\.legacy\.reason: expected a string, got number 7/,
    );
    expectInputError(
      withTopology((t) => void ((t.domains[0] as Record<string, unknown>).owner = null)),
      TOPOLOGY,
      /domains\[0\]\.owner: expected a string, got null/,
    );
    expectInputError(
      withTopology((t) => void ((t.consumerGroups[0]?.subscriptions[0] as Record<string, unknown>).reason = ['x'])),
      TOPOLOGY,
      /consumerGroups\[0\]\.subscriptions\[0\]\.reason: expected a string, got an array/,
    );
    expectInputError(
      withTopology((t) => void ((t.producers[0] as Record<string, unknown>).topic = 'orders')),
      TOPOLOGY,
      /producers\[0\]\.topic: expected an object, got "orders"/,
    );
  });

  it('fails listing every problem of topology.json, each line naming the file and the JSON path', () => {
    const run = withTopology((t) => {
      (t.domains[0] as Record<string, unknown>).owner = null;
      const topic = t.topics[orderCreated(t).index];
      if (topic !== undefined) topic.partitions = { value: '6', explanation: 'declared' };
      (t.acls[0] as Record<string, unknown>).neededBy = 'everyone';
    });
    expectInputError(run, TOPOLOGY, /^out\/stacks\/dev\/topology\.json: domains\[0\]\.owner: expected a string, got null$/m);
    expectInputError(run, TOPOLOGY, /^out\/stacks\/dev\/topology\.json: topics\[\d+\]\.partitions\.value: expected a number, got "6"$/m);
    expectInputError(run, TOPOLOGY, /^out\/stacks\/dev\/topology\.json: acls\[0\]\.neededBy: expected an array, got "everyone"$/m);
  });

  it('fails when a topic has a kind this version does not know, listing the kinds it does', () => {
    expectInputError(
      withTopology((t) => void ((t.topics[0] as Record<string, unknown>).kind = 'compacted')),
      TOPOLOGY,
      /topics\[0\]\.kind: expected one of event, dead-letter, retry, got "compacted"/,
    );
  });

  it('fails with the first problems of a badly broken topology.json and the count of the rest', () => {
    let message = '';
    try {
      withTopology((t) => t.acls.forEach((acl) => (acl.operation = 'read')))();
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(TOPOLOGY_PROBLEMS_SHOWN + 1);
    expect(lines.at(-1)).toMatch(/^out\/stacks\/dev\/topology\.json: … and \d+ more problems of the same file$/);
  });

  it('reads a format-1 Topology written before suppressions, aggregates and environment scaling existed', () => {
    const { terraform, topology } = seedFiles();
    const topo = JSON.parse(topology) as {
      environment: Record<string, unknown>;
      domains: Record<string, unknown>[];
      topics: Record<string, unknown>[];
      consumerGroups: Record<string, unknown>[];
      producers: Record<string, unknown>[];
    };
    delete topo.environment.scaling;
    for (const list of [topo.domains, topo.topics, topo.consumerGroups, topo.producers]) for (const item of list) delete item.suppressions;
    for (const topic of topo.topics) delete topic.aggregate;
    const s = parseStack({ stack: 'dev', terraform: { file: 't', text: terraform }, topology: { file: 'p', text: JSON.stringify(topo) } });
    expect(s.environment.scaling).toEqual({ replayWindow: 1, throughput: 1 });
    expect([...s.declared.domains.values()].every((d) => d.suppressions.length === 0)).toBe(true);
    expect([...s.declared.groups.values()].every((g) => g.suppressions.length === 0)).toBe(true);
    const event = s.declared.topics.get('orders.order-created');
    expect(event?.kind === 'event' && event.aggregate).toBeNull();
  });

  it('fails when a stack name appears twice in one output', () => {
    const [files] = MutableOutput.seed(['dev']).files('out');
    if (files === undefined) throw new Error('no seed');
    expect(() => parseOutput('out', [files, files])).toThrow(/stack "dev" appears twice/);
  });
});

describe('parse: terraform show -json', () => {
  const file = 'plan.json';
  it('keeps kafka changes that do something, with replace paths and import ids', () => {
    const plan = parsePlan('dev', {
      file,
      text: JSON.stringify({
        format_version: '1.2',
        terraform_version: '1.11.4',
        resource_changes: [
          {
            address: 'kafka_topic.a',
            mode: 'managed',
            type: 'kafka_topic',
            change: {
              actions: ['delete', 'create'],
              before: { name: 'a', partitions: 6 },
              after: { name: 'a', partitions: 3 },
              replace_paths: [['partitions'], ['config', 'retention.ms']],
            },
          },
          { address: 'kafka_topic.b', mode: 'managed', type: 'kafka_topic', change: { actions: ['no-op'], before: { name: 'b' }, after: { name: 'b' } } },
          {
            address: 'kafka_topic.c',
            mode: 'managed',
            type: 'kafka_topic',
            change: { actions: ['no-op'], before: null, after: { name: 'c' }, importing: { id: 'c' } },
          },
          { address: 'null_resource.x', mode: 'managed', type: 'null_resource', change: { actions: ['delete'], before: {}, after: null } },
          { address: 'data.kafka_topic.d', mode: 'data', type: 'kafka_topic', change: { actions: ['read'], before: null, after: {} } },
        ],
      }),
    });
    expect(plan.changes.map((c) => [c.address, c.actions, c.replacePaths, c.importingId])).toEqual([
      ['kafka_topic.a', ['delete', 'create'], ['partitions', 'config["retention.ms"]'], null],
      ['kafka_topic.c', ['no-op'], [], 'c'],
    ]);
    expect(plan.terraformVersion).toBe('1.11.4');
  });

  it('fails on a truncated plan, naming the file', () => {
    expectInputError(() => parsePlan('dev', { file, text: '{"format_version":"1.2","resource_changes":[{"address":' }), file, /not valid JSON .*ends early/);
  });

  it('fails on the log of terraform plan -json, saying which command to use', () => {
    const log = '{"@level":"info","@message":"Terraform 1.11.4","type":"version"}\n{"@level":"info","type":"planned_change"}\n';
    expectInputError(
      () => parsePlan('dev', { file, text: log }),
      file,
      /log of `terraform plan -json`, not a plan: give the output of `terraform show -json <planfile>`/,
    );
  });

  it('fails on state JSON', () => {
    expectInputError(() => parsePlan('dev', { file, text: JSON.stringify({ format_version: '1.0', values: { root_module: {} } }) }), file, /state JSON/);
  });

  it('fails on an unknown action and on another format version', () => {
    const rc = { address: 'kafka_topic.a', type: 'kafka_topic', change: { actions: ['destroy'], before: null, after: null } };
    expectInputError(
      () => parsePlan('dev', { file, text: JSON.stringify({ format_version: '1.2', resource_changes: [rc] }) }),
      file,
      /resource_changes\[0\]\.change\.actions\[0\]: unknown action "destroy"/,
    );
    expectInputError(
      () => parsePlan('dev', { file, text: JSON.stringify({ format_version: '2.0' }) }),
      file,
      /format_version: this review reads plan JSON format 1\.x, got "2\.0"/,
    );
  });

  it('fails on a plan that errored', () => {
    expectInputError(() => parsePlan('dev', { file, text: JSON.stringify({ format_version: '1.2', errored: true }) }), file, /could not finish this plan/);
  });
});
