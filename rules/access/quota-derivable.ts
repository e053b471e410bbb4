import { NOT_APPLICABLE, defineRule, violations } from '../types';

/** A client quota needs the declared throughput of every topic the principal produces or reads (model/quota.ts). */
export const quotaDerivable = defineRule({
  id: 'TF-ACCESS-002',
  level: 'info',
  appliesTo: 'client',
  title: 'A client quota cannot be derived: a topic the principal uses declares no throughput.',
  rationale:
    'Without a quota one noisy or runaway service can take the brokers’ whole bandwidth from every other client; the quota is derived from declared peak throughput and is never guessed.',
  fix: 'declare throughput on the topic, or set the rate in the environment’s quotas.overrides',
  check: (client, { quotaOf }) => {
    const quota = quotaOf(client.principal);
    // Quotas off in this environment, or a principal type user quotas do not cover.
    if (quota === undefined) return NOT_APPLICABLE;
    if ('groupId' in client) {
      const missing = client.subscriptions.map((s) => s.topicName).filter((t) => quota.undeclaredThroughput.consume.includes(t));
      return violations(
        ...missing.map((t) => ({
          field: 'principal',
          message: `cannot derive quota: no consumer_byte_rate for ${client.principal}, because ${t} declares no throughput`,
        })),
      );
    }
    return violations(
      ...(quota.undeclaredThroughput.produce.includes(client.topicName)
        ? [
            {
              field: 'principal',
              message: `cannot derive quota: no producer_byte_rate for ${client.principal}, because ${client.topicName} declares no throughput`,
            },
          ]
        : []),
    );
  },
});
