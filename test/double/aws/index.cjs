// @ts-check
'use strict';
// The hashicorp/aws subset the double serves (`--provider=aws`): two resource types, the aws_iam_role data source, and
// the provider's configuration checks. Terraform starts this double beside the Kafka provider's for a stack with MSK
// IAM policies (docs/msk-iam.md).
const crypto = require('node:crypto');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { ACCOUNT_ENV, readAccount } = require('./account.cjs');

/** @type {Record<string, import('../resources/index.cjs').ResourceType>} */
const resourceTypes = Object.fromEntries([require('./policy.cjs'), require('./attachment.cjs')].map((type) => [type.typeName, type]));

/** The trust policy a seeded role reports (the role's own is not topicform's concern). */
const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** @type {Record<string, (config: Record<string, any>) => Record<string, any>>} */
const readers = {
  aws_iam_role(config) {
    const account = readAccount();
    const name = String(config.name);
    const role = account.roles[name];
    if (!role) throw new DiagnosticsError([error(`reading IAM Role (${name}): couldn't find resource`, { path: ['name'] })]);
    return {
      id: name,
      name,
      arn: `arn:${account.partition}:iam::${account.account_id}:role${role.path}${name}`,
      assume_role_policy: TRUST_POLICY,
      create_date: '2026-01-01T00:00:00Z',
      description: '',
      max_session_duration: 3600,
      path: role.path,
      permissions_boundary: '',
      role_last_used: [],
      tags: {},
      unique_id: `AROA${crypto.createHash('sha256').update(name).digest('hex').slice(0, 17).toUpperCase()}`,
    };
  },
};

/**
 * The provider's configuration: a region (the `region` argument, else AWS_REGION or AWS_DEFAULT_REGION) and a
 * credential source of the AWS SDK's chain, which the double only checks for presence and never reads or stores.
 * @param {Record<string, any>} config
 */
function configure(config) {
  const diagnostics = [];
  const region = typeof config.region === 'string' && config.region !== '' ? config.region : (process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION);
  if (!region) {
    diagnostics.push(error('invalid AWS Region: ', { detail: 'The AWS provider needs a region: the region argument, AWS_REGION or AWS_DEFAULT_REGION.' }));
  }
  const env = process.env;
  const credentials =
    (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
    env.AWS_PROFILE ||
    (typeof config.profile === 'string' && config.profile !== '') ||
    (env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  if (!credentials) {
    diagnostics.push(
      error('No valid credential sources found', {
        detail: 'The AWS provider double looks for the sources of the AWS SDK chain: access keys, a profile, web identity or container credentials.',
      }),
    );
  }
  if (!process.env[ACCOUNT_ENV]) {
    diagnostics.push(error(`${ACCOUNT_ENV} is not set`, { detail: 'The AWS provider double keeps its account in the JSON file that this variable names.' }));
  }
  return diagnostics;
}

module.exports = { resourceTypes, readers, configure };
