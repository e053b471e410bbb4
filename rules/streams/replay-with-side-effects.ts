import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';
import { readTopics } from '../replay/readers';

/**
 * Replaying a Kafka Streams application means an application reset (kafka-streams-application-reset): every input
 * rewinds and its state is rebuilt. exactly_once_v2 makes that safe for what it writes to Kafka, never for effects
 * outside Kafka, which run again for every reprocessed record.
 */
export const streamsReplayWithSideEffects = defineRule({
  id: 'TF-STREAMS-004',
  level: 'error',
  appliesTo: 'streams-application',
  title: 'A Kafka Streams application with unguarded external side effects reads a topic whose replay is declared.',
  rationale:
    'An application reset reprocesses every input from the start; exactly_once_v2 covers only Kafka reads, state and writes, so external side effects run again.',
  fix: 'move the side effect behind a Kafka topic (a sink that dedupes), guard it (replaySafety.sideEffects: SideEffects.guardedBy(…)), or suppress with the reason this application is never reset',
  check: (app, context) => {
    const effects = app.replaySafety?.sideEffects;
    if (effects === undefined) return NOT_APPLICABLE;
    if (effects.control !== 'not-replay-safe') return COMPLIANT;
    const topics = readTopics(app, context);
    if (topics.length === 0) return NOT_APPLICABLE;
    return violations({
      field: 'replaySafety.sideEffects',
      message: `streams application ${app.applicationId} is not replay-safe ("${effects.reason}") but reads ${topics.map((t) => `"${t}"`).join(', ')}, whose replay is declared`,
    });
  },
});
