// @ts-check
'use strict';
// The resource types the double implements, by terraform type name.

/**
 * @typedef {import('./plan.cjs').State} State
 * @typedef {{
 *   typeName: string,
 *   validate(config: State): import('../diagnostics.cjs').Diagnostic[],
 *   plan(request: import('./plan.cjs').PlanRequest): import('./plan.cjs').Plan,
 *   apply(request: { prior: State | null, planned: State | null, config: State | null }): State | null,
 *   read(state: State): State | null,
 *   importState(id: string): State,
 *   upgrade?(version: number, state: State): State,
 * }} ResourceType
 */

/** @type {ResourceType[]} */
const all = [
  require('./topic.cjs'),
  require('./acl.cjs'),
  require('./quota.cjs'),
  require('./scram.cjs'),
  // confluentinc/confluent (TOPICFORM_DOUBLE_PROVIDER=confluent): the schema served decides which types terraform uses.
  ...require('./confluent.cjs').confluentTypes,
];

/** @type {Record<string, ResourceType>} */
const resourceTypes = Object.fromEntries(all.map((type) => [type.typeName, type]));

module.exports = { resourceTypes };
