// @ts-check
'use strict';
// aws_iam_role_policy_attachment (schema version 0): `role` and `policy_arn` required and ForceNew (no update);
// `policy_arn` must be an ARN (the provider's verify.ValidARN). Attaching fails like IAM's AttachRolePolicy when the
// role or the policy does not exist (NoSuchEntity) or the role already has IAM's default quota of managed policies
// (LimitExceeded). Import id `<role>/<policy_arn>`, as the provider documents.
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { planChange } = require('../resources/plan.cjs');
const { isSet } = require('../resources/validators.cjs');
const { readAccount, updateAccount } = require('./account.cjs');

/** @typedef {import('../resources/plan.cjs').State} State */

const typeName = 'aws_iam_role_policy_attachment';
/** IAM's default quota of managed policies attached to one role (IAM User Guide, "IAM and AWS STS quotas"). */
const MANAGED_POLICIES_PER_ROLE = 10;
const ARN = /^arn:[\w-]+:[\w-]+:[\w-]*:(\d{12})?:.+$/;

/** @param {State} config */
function validate(config) {
  const arn = config.policy_arn;
  return isSet(arn) && !ARN.test(String(arn)) ? [error(`"policy_arn" (${String(arn)}) is an invalid ARN`, { path: ['policy_arn'] })] : [];
}

/** @param {import('../resources/plan.cjs').PlanRequest} request */
const plan = (request) => planChange(typeName, request, { forceNew: ['role', 'policy_arn'] });

/** @param {{ role: unknown, policy_arn: unknown }} a */
const attachmentId = (a) => `${String(a.role)}/${String(a.policy_arn)}`;

/** @param {{ prior: State | null, planned: State | null }} request @returns {State | null} */
function apply({ prior, planned }) {
  return updateAccount((account) => {
    if (planned === null) {
      const gone = /** @type {State} */ (prior);
      account.attachments = account.attachments.filter((a) => !(a.role === gone.role && a.policy_arn === gone.policy_arn));
      return null;
    }
    const role = String(planned.role);
    const policyArn = String(planned.policy_arn);
    const failing = `attaching IAM Policy (${policyArn}) to IAM Role (${role})`;
    if (!account.roles[role]) throw new DiagnosticsError([error(`${failing}: NoSuchEntity: The role with name ${role} cannot be found.`)]);
    if (!account.policies[policyArn]) throw new DiagnosticsError([error(`${failing}: NoSuchEntity: Policy ${policyArn} does not exist or is not attachable.`)]);
    const already = account.attachments.some((a) => a.role === role && a.policy_arn === policyArn);
    if (!already) {
      if (account.attachments.filter((a) => a.role === role).length >= MANAGED_POLICIES_PER_ROLE) {
        throw new DiagnosticsError([error(`${failing}: LimitExceeded: Cannot exceed quota for PoliciesPerRole: ${MANAGED_POLICIES_PER_ROLE}`)]);
      }
      account.attachments.push({ role, policy_arn: policyArn });
    }
    return { ...planned, id: attachmentId(planned) };
  });
}

/** @param {State} state @returns {State | null} */
function read(state) {
  return readAccount().attachments.some((a) => a.role === state.role && a.policy_arn === state.policy_arn) ? state : null;
}

/** @param {string} id @returns {State} */
function importState(id) {
  const slash = id.indexOf('/');
  if (slash <= 0) throw new DiagnosticsError([error(`unexpected format for ID (${id}), expected <role-name>/<policy_arn>`)]);
  const state = { id, role: id.slice(0, slash), policy_arn: id.slice(slash + 1) };
  if (read(state) === null) throw new DiagnosticsError([error(`reading IAM Role Policy Attachment (${id}): couldn't find resource`)]);
  return state;
}

module.exports = { typeName, validate, plan, apply, read, importState };
