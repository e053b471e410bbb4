/**
 * The benchmark's topicform app: the spec's domains declared through the repository's constructs, exactly as a
 * GitOps repository's `main.ts` and `topics/` would (one KafkaEnvironment, one Domain per domain, an event topic with
 * a producer grant and two consumer groups per topic; dead-letter topics and ACLs derived).
 *
 * The constructs come in as `lib`: the repository's TypeScript sources (bench/apps/source-library.ts) or the built
 * package's JavaScript (bench/child.ts), so that this module itself loads neither.
 */
import type { App } from '../../constructs/cdktf';
import type { Domain, KafkaEnvironment } from '../../constructs';
import type { TopicformLibrary } from './source-library';
import type { BenchSpec, DomainSpec } from '../spec';

export function topicformApp(spec: BenchSpec, lib: TopicformLibrary): (outdir: string) => App {
  return (outdir) => {
    // The same App options as the repository's main.ts.
    const app = new lib.App({ outdir, stackTraces: false });
    const environment = new lib.KafkaEnvironment(app, spec.environment.name, { environment: spec.environment });
    for (const domain of spec.domains) declareDomain(environment, domain, lib);
    return app;
  };
}

export function declareDomain(scope: KafkaEnvironment, spec: DomainSpec, lib: TopicformLibrary): Domain {
  const { Duration, KafkaPrincipal, Replay } = lib;
  const domain = new lib.Domain(scope, spec.name, {
    owner: spec.owner,
    description: `Synthetic benchmark domain ${spec.name}`,
    recoveryProcedure: `docs/runbooks/${spec.name}.md`,
    // The benchmark's workload is the issue's: topics, groups, dead-letter topics, ACLs. Event schemas (contracts/)
    // are not part of it; without this, every topic would carry a TF-CONTRACT-004 warning.
    suppressions: [{ ruleId: 'TF-CONTRACT-004', reason: 'synthetic benchmark domain: event schemas are outside the measured workload' }],
  });
  for (const t of spec.topics) {
    const topic = domain.addEventTopic(t.event, {
      eventTypes: ['EntityChanged'],
      key: { field: 'entityId', aggregate: 'entity', reason: 'per-entity ordering; entities are independent of each other', cardinality: 1_000_000 },
      throughput: { peakMessagesPerSecond: t.peakMessagesPerSecond, averageMessageBytes: t.averageMessageBytes },
      replay: Replay.window(Duration.days(t.replayDays)),
      contract: { compatibility: 'BACKWARD', changeStrategy: 'additive optional fields only; a breaking change is a new event type' },
    });
    topic.grantProduce(KafkaPrincipal.user(t.producerService), { service: t.producerService });
    for (const g of t.groups) {
      topic.addConsumerGroup(g.name, {
        service: g.service,
        principal: KafkaPrincipal.user(g.service),
        idempotency: 'upsert by entity id; a duplicate event finds the same state and is ignored',
        processingTimePerMessage: Duration.millis(g.processingMs),
        maxProcessingLag: Duration.minutes(g.maxLagMinutes),
      });
    }
  }
  return domain;
}
