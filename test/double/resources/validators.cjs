// @ts-check
'use strict';
// The real provider's schema validators (SDKv2 helper/validation), with SDKv2's wording and the attribute path.
// Unknown and null values are skipped, as SDKv2 does: they are checked again once known.
const { error } = require('../diagnostics.cjs');
const { isUnknown } = require('../msgpack-values.cjs');

/** @typedef {import('../diagnostics.cjs').Diagnostic} Diagnostic */

/** @param {unknown} value */
const isSet = (value) => value !== null && value !== undefined && !isUnknown(value);

/**
 * validation.IntAtLeast; also rejects fractions, which SDKv2's TypeInt cannot hold.
 * @param {Record<string, unknown>} config @param {string} name @param {number} min @returns {Diagnostic[]}
 */
function intAtLeast(config, name, min) {
  const value = config[name];
  if (!isSet(value)) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return [error(`expected ${name} to be a whole number, got ${String(value)}`, { path: [name] })];
  }
  return value < min ? [error(`expected ${name} to be at least (${min}), got ${value}`, { path: [name] })] : [];
}

/**
 * validation.StringInSlice(valid, false); Go's %q of a []string prints ["a" "b"].
 * @param {Record<string, unknown>} config @param {string} name @param {readonly string[]} valid @returns {Diagnostic[]}
 */
function stringInSlice(config, name, valid) {
  const value = config[name];
  if (!isSet(value) || valid.includes(String(value))) return [];
  const quoted = `[${valid.map((v) => JSON.stringify(v)).join(' ')}]`;
  return [error(`expected ${name} to be one of ${quoted}, got ${String(value)}`, { path: [name] })];
}

/** validation.StringIsNotWhiteSpace. @param {Record<string, unknown>} config @param {string} name @returns {Diagnostic[]} */
function stringIsNotWhiteSpace(config, name) {
  const value = config[name];
  if (!isSet(value) || String(value).trim() !== '') return [];
  return [error(`expected ${JSON.stringify(name)} to not be an empty string or whitespace`, { path: [name] })];
}

/** Schema ConflictsWith. @param {Record<string, unknown>} config @param {string} name @param {string} other @returns {Diagnostic[]} */
function conflictsWith(config, name, other) {
  const both = config[name] !== null && config[name] !== undefined && config[other] !== null && config[other] !== undefined;
  return both ? [error(`"${name}": conflicts with ${other}`, { path: [name] })] : [];
}

module.exports = { intAtLeast, stringInSlice, stringIsNotWhiteSpace, conflictsWith, isSet };
