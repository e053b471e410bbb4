// @ts-check
'use strict';
// tfplugin5 Diagnostic messages. An attribute path makes terraform point at the offending line of cdk.tf.json,
// which is what a user of a real provider sees for an SDKv2 validator error.

/**
 * @typedef {{ attribute_name?: string, element_key_string?: string, element_key_int?: number }} Step
 * @typedef {{ severity: number, summary: string, detail: string, attribute?: { steps: Step[] } }} Diagnostic
 */

const SEVERITY_ERROR = 1;

/** @param {(string | number)[]} path attribute names, then map keys (strings) or list indexes (numbers) */
function attributePath(path) {
  return {
    steps: path.map((step, index) => {
      if (index === 0) return { attribute_name: String(step) };
      return typeof step === 'number' ? { element_key_int: step } : { element_key_string: step };
    }),
  };
}

/**
 * @param {string} summary
 * @param {{ detail?: string, path?: (string | number)[] }} [options]
 * @returns {Diagnostic}
 */
function error(summary, options = {}) {
  return {
    severity: SEVERITY_ERROR,
    summary,
    detail: options.detail ?? '',
    ...(options.path ? { attribute: attributePath(options.path) } : {}),
  };
}

/** Thrown by resource code to end an RPC with diagnostics instead of a value. */
class DiagnosticsError extends Error {
  /** @param {Diagnostic[]} diagnostics */
  constructor(diagnostics) {
    super(diagnostics.map((d) => d.summary).join('; '));
    this.diagnostics = diagnostics;
  }
}

module.exports = { error, attributePath, DiagnosticsError };
