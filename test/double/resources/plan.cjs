// @ts-check
'use strict';
// Planning in strict mode (no legacy_type_system), shared by all resource types. Terraform rejects a plan whose
// non-computed values differ from the config, so the planned state starts from proposed_new_state (config values
// plus prior values of computed attributes) and only computed attributes and write-only nulls are filled in.
// SDKv2 defaults are deliberately NOT planned (README.md, "Strict mode"); `equivalent` lets a resource treat null
// and the provider's default as the same value when deciding on replacement.
const { UNKNOWN, isUnknown } = require('../msgpack-values.cjs');
const { writeOnlyAttributes } = require('../schema.cjs');

/** Deep equality of two known terraform values; an unknown is never equal to anything. @param {unknown} a @param {unknown} b @returns {boolean} */
function sameValue(a, b) {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const aRecord = /** @type {Record<string, unknown>} */ (a);
  const bRecord = /** @type {Record<string, unknown>} */ (b);
  return aKeys.every((key) => key in bRecord && sameValue(aRecord[key], bRecord[key]));
}

/**
 * @typedef {Record<string, any>} State
 * @typedef {{ prior: State | null, proposed: State | null, config: State | null }} PlanRequest
 * @typedef {{ planned: State | null, requiresReplace: string[][] }} Plan
 * @typedef {{
 *   forceNew?: string[],
 *   equivalent?: Record<string, (a: unknown, b: unknown) => boolean>,
 *   replaceWhen?: (prior: State, planned: State) => string[],
 * }} PlanRules
 */

/**
 * @param {string} typeName
 * @param {PlanRequest} request
 * @param {PlanRules} rules
 * @returns {Plan}
 */
function planChange(typeName, { prior, proposed, config }, rules) {
  // Without the plan_destroy capability terraform never asks to plan a destroy; answer null anyway.
  if (proposed === null) return { planned: null, requiresReplace: [] };
  const planned = { ...proposed };
  for (const name of writeOnlyAttributes(typeName)) planned[name] = null; // write-only values live only in config
  if (prior === null) {
    // SDKv2 plans the id as unknown on create, so plan JSON shows after_unknown.id = true like the real provider.
    planned.id = config?.id ?? UNKNOWN;
    return { planned, requiresReplace: [] };
  }
  const equivalent = rules.equivalent ?? {};
  const changed = (/** @type {string} */ name) => !(equivalent[name] ?? sameValue)(prior[name], planned[name]);
  const requiresReplace = (rules.forceNew ?? []).filter(changed).map((name) => [name]);
  for (const name of rules.replaceWhen?.(prior, planned) ?? []) requiresReplace.push([name]);
  if (requiresReplace.length > 0) planned.id = UNKNOWN; // the replacement gets a new id
  return { planned, requiresReplace };
}

module.exports = { planChange };
