import type { EnvironmentInput } from './model/schema';

/**
 * The clusters this repository manages. Validated by the model on synth (model/schema/environment.ts); only names of
 * variables live here, never values: terraform reads those in CI.
 */
export const environments: readonly EnvironmentInput[] = [
  { name: 'dev', production: false, replicationFactor: 1, minInsyncReplicas: 1 },
  { name: 'prod', production: true, replicationFactor: 3, minInsyncReplicas: 2 },
];
