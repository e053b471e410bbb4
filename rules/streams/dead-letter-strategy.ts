import { COMPLIANT, defineRule, violations } from '../types';

/**
 * Kafka Streams' defaults (LogAndFailExceptionHandler, DefaultProductionExceptionHandler) stop the application on the
 * first record it cannot deserialize or produce: one poison pill halts every partition of the instance.
 */
export const streamsDeadLetterStrategy = defineRule({
  id: 'TF-STREAMS-003',
  level: 'error',
  appliesTo: 'streams-application',
  title: 'The Kafka Streams application declares no dead-letter strategy.',
  rationale:
    'Without exception handlers, a record that cannot be deserialized or produced stops the application (the defaults fail); with a handler that logs and continues it is lost silently. A dead-letter handler keeps it for a human.',
  fix: "set exceptionHandlers { deserialization, production }, e.g. handlers that write the record to a dead-letter topic (KIP-1034's errors.dead.letter.queue.topic.name) and continue",
  check: (app) =>
    app.exceptionHandlers !== null
      ? COMPLIANT
      : violations({
          field: 'exceptionHandlers',
          message: `streams application ${app.applicationId} declares no deserialization or production exception handler`,
        }),
});
