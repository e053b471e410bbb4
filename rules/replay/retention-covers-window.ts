import { formatMs, toMs } from '../../model/duration';
import { NOT_APPLICABLE, defineRule, violations } from '../types';

/** Replay is possible only while the log still holds the window plus the lag a reader may have built up. */
export const retentionCoversWindow = defineRule({
  id: 'TF-REPLAY-001',
  level: 'error',
  appliesTo: 'topic',
  title: 'Retention is shorter than the replay window plus the tolerated lag.',
  rationale: 'Kafka deletes segments older than retention.ms: a replay (or a lagging group) past it finds the events gone.',
  fix: 'remove the explicit retention.ms (it is derived), or raise it',
  check: (topic, { readersOf }) => {
    if (topic.kind !== 'event' || topic.replay.kind !== 'window' || topic.retentionMs === null) return NOT_APPLICABLE;
    const window = toMs(topic.replay.window);
    const lag = Math.max(0, ...readersOf(topic.name).map((g) => g.maxProcessingLagMs ?? 0));
    const needed = window + lag;
    const retention = topic.retentionMs.value;
    // -1 means unlimited retention
    return violations(
      ...(retention === -1 || retention >= needed
        ? []
        : [
            {
              field: 'config["retention.ms"]',
              message: `retention ${formatMs(retention)} is below the replay window ${formatMs(window)} + tolerated lag ${formatMs(lag)} = ${formatMs(needed)}`,
            },
          ]),
    );
  },
});
