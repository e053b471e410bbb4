// @ts-check
'use strict';
// What the provider and IAM check of a policy document. The provider's `verify.ValidIAMPolicyJSON` (validate and plan)
// refuses text that is not a JSON object; IAM's CreatePolicy / CreatePolicyVersion refuse a document that breaks the
// IAM JSON policy grammar (IAM User Guide, "Grammar of the IAM JSON policy language") with MalformedPolicyDocument.

/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The provider's check: an error text, or undefined when the text is a JSON object. @param {string} text */
function invalidPolicyJson(text) {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return `"policy" contains an invalid JSON policy: not a JSON object`;
  try {
    JSON.parse(trimmed);
    return undefined;
  } catch (cause) {
    return `"policy" contains an invalid JSON: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}

const VERSIONS = ['2012-10-17', '2008-10-17'];

/** @param {unknown} value */
const stringOrStrings = (value) => typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));

/** IAM's grammar check: the MalformedPolicyDocument message, or undefined. @param {string} text */
function malformedPolicy(text) {
  /** @type {unknown} */
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    return 'Syntax errors in policy.';
  }
  if (!isObject(document)) return 'Syntax errors in policy.';
  if (document.Version !== undefined && !VERSIONS.includes(String(document.Version))) return `The policy must contain a valid version string`;
  const statements = Array.isArray(document.Statement) ? document.Statement : isObject(document.Statement) ? [document.Statement] : undefined;
  if (statements === undefined || statements.length === 0) return 'Policy document should not be empty and must contain a Statement.';
  for (const statement of statements) {
    if (!isObject(statement)) return 'Syntax errors in policy.';
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return 'Policy statement must contain a valid Effect (Allow or Deny).';
    if (!stringOrStrings(statement.Action) && !stringOrStrings(statement.NotAction)) return 'Policy statement must contain actions.';
    if (!stringOrStrings(statement.Resource) && !stringOrStrings(statement.NotResource)) return 'Policy statement must contain resources.';
    const actions = [statement.Action ?? statement.NotAction].flat();
    for (const action of actions) {
      if (typeof action === 'string' && !/^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/.test(action)) {
        return `Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.`;
      }
    }
    const resources = [statement.Resource ?? statement.NotResource].flat();
    for (const resource of resources) {
      if (typeof resource === 'string' && resource !== '*' && !/^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/.test(resource)) {
        return `Resource ${resource} must be in ARN format or "*".`;
      }
    }
  }
  return undefined;
}

module.exports = { invalidPolicyJson, malformedPolicy };
