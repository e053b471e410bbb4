import { COMPLIANT, NOT_APPLICABLE, defineRule, violations } from '../types';
import { describeReader, readTopics } from './readers';

/**
 * Deterministic processing and controlled external side effects are preconditions of replay that no broker setting can
 * enforce: the reader has to say how it meets them, so that whoever resets its offsets knows what will happen.
 */
export const replaySafetyStated = defineRule({
  id: 'TF-REPLAY-004',
  level: 'warning',
  appliesTo: 'reader',
  title: 'A reader of a replayable topic states no replay safety.',
  rationale:
    'Replay re-runs processing over old events: it is safe only when processing is deterministic and external side effects (payments, e-mails, calls) are controlled. Without a statement, the replay procedure is an unchecked box.',
  fix: "set replaySafety, e.g. { deterministic: true, sideEffects: SideEffects.guardedBy('payment id unique per order') }",
  check: (reader, context) => {
    const topics = readTopics(reader, context);
    if (topics.length === 0) return NOT_APPLICABLE;
    if (reader.replaySafety !== undefined) return COMPLIANT;
    return violations({
      field: 'replaySafety',
      message: `${describeReader(reader)} reads replayable ${topics.map((t) => `"${t}"`).join(', ')} and states no replay safety`,
    });
  },
});
