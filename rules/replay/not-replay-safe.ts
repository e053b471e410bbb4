import { NOT_APPLICABLE, COMPLIANT, defineRule, violations } from '../types';
import { describeReader, readTopics } from './readers';

/**
 * A consumer group or sink connector that states a replay repeats its external side effects must not read a topic
 * whose replay is declared: the declaration promises a replay the reader would turn into duplicate charges, messages or
 * external writes. Suppress with the reason when replays of that topic skip the reader (its offsets are never reset).
 * Kafka Streams applications have their own rule (TF-STREAMS-004), worded for an application reset.
 */
export const replaySafeReader = defineRule({
  id: 'TF-REPLAY-005',
  level: 'error',
  appliesTo: 'reader',
  title: 'A consumer group or sink connector that is not replay-safe reads a topic whose replay is declared.',
  rationale:
    'The topic declares that it can be replayed; a reader whose external side effects repeat on replay turns a replay into duplicate effects in the world outside Kafka.',
  fix: 'guard the side effects (replaySafety.sideEffects: SideEffects.guardedBy(…)), or suppress with the reason this reader is never replayed',
  check: (reader, context) => {
    if ('applicationId' in reader) return NOT_APPLICABLE;
    const effects = reader.replaySafety?.sideEffects;
    if (effects?.control !== 'not-replay-safe') return reader.replaySafety === undefined ? NOT_APPLICABLE : COMPLIANT;
    const topics = readTopics(reader, context);
    if (topics.length === 0) return NOT_APPLICABLE;
    return violations({
      field: 'replaySafety.sideEffects',
      message: `${describeReader(reader)} is not replay-safe ("${effects.reason}") but reads ${topics.map((t) => `"${t}"`).join(', ')}, whose replay is declared`,
    });
  },
});
