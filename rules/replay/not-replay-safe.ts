import { NOT_APPLICABLE, COMPLIANT, defineRule, violations } from '../types';
import { readTopics } from './readers';

/**
 * A consumer group that states a replay repeats its external side effects must not read a topic whose replay is
 * declared: the declaration promises a replay the group would turn into duplicate charges or messages. Suppress with
 * the reason when replays of that topic skip the group (its offsets are never reset).
 */
export const replaySafeReader = defineRule({
  id: 'TF-REPLAY-005',
  level: 'error',
  appliesTo: 'consumer-group',
  title: 'A consumer group that is not replay-safe reads a topic whose replay is declared.',
  rationale:
    'The topic declares that it can be replayed; a group whose external side effects repeat on replay turns a replay into duplicate effects in the world outside Kafka.',
  fix: 'guard the side effects (replaySafety.sideEffects: SideEffects.guardedBy(…)), or suppress with the reason this group is never replayed',
  check: (group, context) => {
    const effects = group.replaySafety?.sideEffects;
    if (effects?.control !== 'not-replay-safe') return group.replaySafety === undefined ? NOT_APPLICABLE : COMPLIANT;
    const topics = readTopics(group, context);
    if (topics.length === 0) return NOT_APPLICABLE;
    return violations({
      field: 'replaySafety.sideEffects',
      message: `group ${group.groupId} is not replay-safe ("${effects.reason}") but reads ${topics.map((t) => `"${t}"`).join(', ')}, whose replay is declared`,
    });
  },
});
