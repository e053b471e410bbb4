import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';

/**
 * exactly_once_v2 writes outputs in transactions that may abort; a reader that reads uncommitted records sees aborted
 * writes and duplicates. Consumer groups' generated client configs set `isolation.level=read_committed` for every topic a
 * transactional writer writes (artifacts/client-config.ts); a Kafka Streams application reads uncommitted records
 * unless it is exactly-once itself (Kafka Streams sets read_committed only under exactly_once_v2).
 */
export const outputsReadCommitted = defineRule({
  id: 'TF-STREAMS-002',
  level: 'error',
  appliesTo: 'streams-application',
  title: 'An exactly-once Kafka Streams application’s output is read by a reader that is not read_committed.',
  rationale: 'Exactly-once holds end to end only when every reader skips aborted transactions (isolation.level=read_committed).',
  fix: 'make the reading application exactly_once_v2 too, or set isolation.level=read_committed in its consumer config and suppress with that reason',
  check: (app, { streamsReadersOf }) => {
    if (app.processingGuarantee !== 'exactly_once_v2' || app.outputs.length === 0) return NOT_APPLICABLE;
    const uncommitted = app.outputs.flatMap((o) =>
      streamsReadersOf(o.topicName)
        .filter((reader) => reader.processingGuarantee !== 'exactly_once_v2')
        .map((reader) => `${reader.applicationId} reads "${o.topicName}" at_least_once (read_uncommitted)`),
    );
    if (uncommitted.length === 0) return COMPLIANT;
    return violations({ field: 'outputs', message: `streams application ${app.applicationId} writes exactly once, but ${uncommitted.sort().join('; ')}` });
  },
});
