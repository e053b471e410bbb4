/**
 * `topicform graph` end to end (the real bin in the repository root), and the command's error paths in process.
 */

import { describe, expect, it } from 'vitest';
import { runGraph } from '../../cli/commands/graph';
import { App } from '../../constructs/cdktf';
import { Domain, KafkaStack, Replay } from '../../constructs';
import { renderDot } from '../../artifacts/graph/dot';
import { domainFlow, environmentFlow } from '../../artifacts/graph/draw';
import { buildGraph, type Graph } from '../../artifacts/graph/model';
import { exampleTopology } from './fixtures';
import { runTopicform, sink, type CliRun } from '../helpers/cli';

const run = (...args: string[]): CliRun => runTopicform(args);

describe('topicform graph', () => {
  it('prints the JSON graph of the production environment by default (not the first by name), with every topic and group', () => {
    const result = run('graph', '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const graph = JSON.parse(result.stdout) as Graph;
    // confluent, msk and prod are all production; the first by name is drawn.
    const topology = exampleTopology('confluent');
    expect(graph.environment).toBe('confluent');
    expect(
      graph.nodes
        .filter((n) => n.kind === 'topic' || n.kind === 'dead-letter' || n.kind === 'retry')
        .map((n) => n.label)
        .sort(),
    ).toEqual(
      [
        ...topology.topics.map((t) => t.name),
        ...(topology.connect?.connectors ?? []).flatMap((k) => (k.deadLetter === null ? [] : [k.deadLetter.name])),
      ].sort(),
    );
    expect(graph.nodes.filter((n) => n.kind === 'group').map((n) => n.label)).toEqual(topology.consumerGroups.map((g) => g.groupId));
    expect(graph.nodes.filter((n) => n.kind === 'streams').map((n) => n.label)).toEqual((topology.streamsApplications ?? []).map((a) => a.applicationId));
    expect(graph.nodes.filter((n) => n.kind === 'connector').map((n) => n.label)).toEqual((topology.connect?.connectors ?? []).map((k) => k.name));
  });

  it('prints Mermaid for one domain of one environment, and DOT, exactly as the generators draw them', () => {
    const topology = exampleTopology('prod');
    const mermaid = run('graph', '--format', 'mermaid', '--env', 'prod', '--domain', 'search');
    expect(mermaid.status).toBe(0);
    expect(mermaid.stdout).toBe(domainFlow(topology, 'search'));
    for (const t of topology.topics.filter((x) => x.domain === 'search' && x.kind === 'event')) expect(mermaid.stdout).toContain(t.name);
    const dot = run('graph', '--format', 'dot', '--env', 'prod');
    expect(dot.status).toBe(0);
    expect(dot.stdout).toBe(renderDot(buildGraph(topology)));
    expect(dot.stdout).toContain('digraph "topicform prod" {');
  });

  it('prints the whole environment in Mermaid as graph.mmd draws it', () => {
    expect(run('graph', '--env', 'prod').stdout).toBe(environmentFlow(exampleTopology('prod')));
  });

  it('explains its options with --help', () => {
    const help = run('graph', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--format <format>/);
    expect(help.stdout).toMatch(/"mermaid", "dot", "json"/);
    expect(help.stdout).toMatch(/--env <name>/);
    expect(help.stdout).toMatch(/--domain <name>/);
  });

  it('fails with exit code 1 and a suggestion on an unknown environment or domain', () => {
    const env = run('graph', '--env', 'prd');
    expect(env.status).toBe(1);
    expect(env.stderr).toContain('unknown environment "prd" (did you mean "prod"?)');
    const domain = run('graph', '--domain', 'order');
    expect(domain.status).toBe(1);
    expect(domain.stderr).toContain('unknown domain "order" in environment "confluent" (did you mean "orders"?)');
    const format = run('graph', '--format', 'svg');
    expect(format.status).toBe(1);
    expect(format.stderr).toMatch(/Allowed choices are mermaid, dot, json/);
  });

  it('falls back to the first environment by name when none is production', () => {
    const stdout = sink();
    const app = (outdir: string): App => {
      const a = new App({ outdir, stackTraces: false });
      for (const name of ['qa', 'dev']) new KafkaStack(a, name, { environment: { name, production: false, replicationFactor: 1, minInsyncReplicas: 1 } });
      return a;
    };
    expect(runGraph(app, { format: 'json' }, { stdout: stdout.stream, stderr: sink().stream })).toBe(0);
    expect((JSON.parse(stdout.text()) as Graph).environment).toBe('dev');
  });

  it('fails with exit code 1 and the errors when the declarations have errors', () => {
    const stdout = sink();
    const stderr = sink();
    const broken = (outdir: string): App => {
      const app = new App({ outdir, stackTraces: false });
      const stack = new KafkaStack(app, 'dev', { environment: { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 } });
      new Domain(stack, 'orders', { owner: '@acme/orders-team', description: 'Orders' }).addEventTopic('order-created', {
        eventTypes: ['OrderCreated'],
        key: { field: 'orderId', aggregate: 'order', reason: 'per-order ordering of order events' },
        partitions: 0,
        replay: Replay.window('7d'),
      });
      return app;
    };
    expect(runGraph(broken, { format: 'json' }, { stdout: stdout.stream, stderr: stderr.stream })).toBe(1);
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toMatch(/error: .*orders\/order-created › partitions: /);
    expect(stderr.text()).toMatch(/topicform graph: 1 error\(s\) in the declarations/);
  });
});
