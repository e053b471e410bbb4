import { defineRule, violations } from '../types';

export const uncleanLeaderElectionOff = defineRule({
  id: 'TF-CONFIG-001',
  level: 'error',
  appliesTo: 'topic',
  title: 'Unclean leader election is enabled.',
  rationale: 'An out-of-sync replica may become leader and silently discard acknowledged writes.',
  fix: 'remove unclean.leader.election.enable (Kafka defaults to false)',
  check: (topic, { topology }) =>
    violations(
      ...(topic.config['unclean.leader.election.enable'] === 'true'
        ? [
            {
              field: 'config["unclean.leader.election.enable"]',
              message: `topic "${topic.name}" enables unclean leader election`,
              level: topology.environment.production ? ('error' as const) : ('warning' as const),
            },
          ]
        : []),
    ),
});
