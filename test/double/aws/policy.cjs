// @ts-check
'use strict';
// aws_iam_policy (schema version 0), as provider-schema/hashicorp-aws.NOTES.md describes it:
// - `policy` must be JSON (the provider's ValidIAMPolicyJSON, at validate and plan); IAM refuses a document that breaks
//   the policy grammar at apply (MalformedPolicyDocument), and a second policy of the same name and path
//   (EntityAlreadyExists). A `policy` change is an update in place (a new default version); `name`, `name_prefix`,
//   `description` and `path` force a new policy.
// - `path` has the SDKv2 Default "/": planned null when unset (strict mode, test/double/README.md), "/" in the account.
// - id = arn = arn:<partition>:iam::<account>:policy<path><name>; a policy with attachments cannot be deleted.
const crypto = require('node:crypto');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { UNKNOWN, isUnknown } = require('../msgpack-values.cjs');
const { planChange } = require('../resources/plan.cjs');
const { conflictsWith, isSet } = require('../resources/validators.cjs');
const { readAccount, updateAccount } = require('./account.cjs');
const { invalidPolicyJson, malformedPolicy } = require('./policy-document.cjs');

/** @typedef {import('../resources/plan.cjs').State} State */

const typeName = 'aws_iam_policy';
const DEFAULT_PATH = '/';
/** IAM's limits on a policy name (CreatePolicy `PolicyName`); a name prefix leaves room for the 26-character unique suffix. */
const NAME_MAX = 128;
const NAME_PREFIX_MAX = NAME_MAX - 26;
const PATH_MAX = 512;

/** @param {State} config @param {string} name @param {number} max */
function validName(config, name, max) {
  const value = config[name];
  if (!isSet(value)) return [];
  const text = String(value);
  if (text.length > max) return [error(`"${name}" cannot be longer than ${max} characters`, { path: [name] })];
  return /^[\w+=,.@-]*$/.test(text) ? [] : [error(`"${name}" must match [\\w+=,.@-]`, { path: [name] })];
}

/** @param {State} config */
function validate(config) {
  const diagnostics = [
    ...validName(config, 'name', NAME_MAX),
    ...validName(config, 'name_prefix', NAME_PREFIX_MAX),
    ...conflictsWith(config, 'name', 'name_prefix'),
  ];
  const path = config.path;
  if (isSet(path) && (!/^\/([\x21-\x7e]*\/)?$/.test(String(path)) || String(path).length > PATH_MAX)) {
    diagnostics.push(
      error(`"path" must begin and end with "/" and hold only printable ASCII (at most ${PATH_MAX} characters), got ${String(path)}`, { path: ['path'] }),
    );
  }
  if (isSet(config.policy)) {
    const invalid = invalidPolicyJson(String(config.policy));
    if (invalid !== undefined) diagnostics.push(error(invalid, { path: ['policy'] }));
  }
  return diagnostics;
}

/** @param {import('../resources/plan.cjs').PlanRequest} request */
function plan(request) {
  if (request.config && isSet(request.config.policy)) {
    const invalid = invalidPolicyJson(String(request.config.policy));
    if (invalid !== undefined) throw new DiagnosticsError([error(invalid, { path: ['policy'] })]);
  }
  const result = planChange(typeName, request, {
    forceNew: ['name', 'name_prefix', 'description', 'path'],
    equivalent: {
      path: (a, b) => (a ?? DEFAULT_PATH) === (b ?? DEFAULT_PATH),
      // Computed when unset: a prior computed value against an unset config is no change.
      name: (a, b) => a === b || b === null || b === undefined,
      name_prefix: (a, b) => a === b || b === null || b === undefined,
    },
  });
  const planned = result.planned;
  if (planned !== null && (request.prior === null || result.requiresReplace.length > 0)) {
    for (const name of ['arn', 'attachment_count', 'policy_id', 'tags_all']) planned[name] = UNKNOWN;
    if (!isSet(request.config?.name)) planned.name = UNKNOWN;
    if (!isSet(request.config?.name_prefix)) planned.name_prefix = UNKNOWN;
  }
  return result;
}

/** @param {{ account_id: string, partition: string }} account @param {string} path @param {string} name */
const policyArn = (account, path, name) => `arn:${account.partition}:iam::${account.account_id}:policy${path}${name}`;

/** @param {{ prior: State | null, planned: State | null }} request @returns {State | null} */
function apply({ prior, planned }) {
  if (planned === null) {
    updateAccount((account) => {
      const arn = String(prior?.arn);
      if (account.attachments.some((a) => a.policy_arn === arn)) {
        throw new DiagnosticsError([error(`deleting IAM Policy (${arn}): DeleteConflict: Cannot delete a policy attached to entities.`)]);
      }
      delete account.policies[arn];
    });
    return null;
  }
  const document = String(planned.policy);
  return updateAccount((account) => {
    const path = isSet(planned.path) ? String(planned.path) : DEFAULT_PATH;
    const name =
      isSet(planned.name) && !isUnknown(planned.name)
        ? String(planned.name)
        : `${isSet(planned.name_prefix) ? String(planned.name_prefix) : 'terraform-'}${crypto.randomBytes(13).toString('hex')}`;
    const malformed = malformedPolicy(document);
    const arn = prior === null || prior.arn === null || isUnknown(planned.arn) ? policyArn(account, path, name) : String(prior.arn);
    if (malformed !== undefined) {
      const verb = prior === null ? `creating IAM Policy (${name})` : `updating IAM Policy (${arn})`;
      throw new DiagnosticsError([error(`${verb}: MalformedPolicyDocument: ${malformed}`)]);
    }
    const existing = account.policies[arn];
    if (existing !== undefined && (prior === null || isUnknown(planned.arn))) {
      throw new DiagnosticsError([
        error(`creating IAM Policy (${name}): EntityAlreadyExists: A policy called ${name} already exists. Duplicate names are not allowed.`),
      ]);
    }
    const stored = existing ?? {
      name,
      path,
      description: isSet(planned.description) ? String(planned.description) : '',
      document,
      policy_id: `ANPA${crypto.createHash('sha256').update(arn).digest('hex').slice(0, 17).toUpperCase()}`,
      tags: {},
    };
    account.policies[arn] = { ...stored, document, tags: { ...(planned.tags ?? {}) } };
    return {
      ...planned,
      id: arn,
      arn,
      name,
      name_prefix: isSet(planned.name_prefix) && !isUnknown(planned.name_prefix) ? planned.name_prefix : '',
      policy_id: stored.policy_id,
      attachment_count: account.attachments.filter((a) => a.policy_arn === arn).length,
      tags_all: isUnknown(planned.tags_all) ? { ...(planned.tags ?? {}) } : planned.tags_all,
    };
  });
}

/** @param {State} state @returns {State | null} */
function read(state) {
  const account = readAccount();
  const stored = account.policies[String(state.arn ?? state.id)];
  if (!stored) return null;
  return { ...state, policy: stored.document, attachment_count: account.attachments.filter((a) => a.policy_arn === state.arn).length };
}

/** Import by ARN, as the provider documents. @param {string} id @returns {State} */
function importState(id) {
  const stored = readAccount().policies[id];
  if (!stored) throw new DiagnosticsError([error(`reading IAM Policy (${id}): couldn't find resource`)]);
  return {
    id,
    arn: id,
    name: stored.name,
    name_prefix: '',
    path: stored.path,
    description: stored.description,
    policy: stored.document,
    policy_id: stored.policy_id,
    tags: null,
    tags_all: {},
    attachment_count: 0,
  };
}

module.exports = { typeName, validate, plan, apply, read, importState };
