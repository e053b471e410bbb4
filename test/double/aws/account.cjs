// @ts-check
'use strict';
// The AWS double's "account": one JSON file named by env AWS_DOUBLE_STATE, one per test, holding the IAM roles that
// exist (seeded by the test: topicform never creates roles), the managed policies and the role attachments terraform
// created. Small, so every change rewrites it (through a temporary file and a rename).
//   {
//     "account_id": "123456789012", "partition": "aws",
//     "roles": { "<name>": { "path": "/" } },
//     "policies": { "<arn>": { "name": "p", "path": "/topicform/", "description": "", "document": "{…}", "policy_id": "ANPA…", "tags": {} } },
//     "attachments": [ { "role": "<name>", "policy_arn": "<arn>" } ]
//   }
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {{ path: string }} Role
 * @typedef {{ name: string, path: string, description: string, document: string, policy_id: string, tags: Record<string, string> }} Policy
 * @typedef {{ role: string, policy_arn: string }} Attachment
 * @typedef {{ account_id: string, partition: string, roles: Record<string, Role>, policies: Record<string, Policy>, attachments: Attachment[] }} Account
 */

const ACCOUNT_ENV = 'AWS_DOUBLE_STATE';
/** The account a seed without one is in: the AWS documentation's example account id. */
const DEFAULT_ACCOUNT_ID = '123456789012';

function accountPath() {
  const file = process.env[ACCOUNT_ENV];
  if (!file) throw new Error(`${ACCOUNT_ENV} is not set: the AWS provider double keeps its account in the JSON file that variable names`);
  return path.resolve(file);
}

/** @returns {Account} */
function readAccount() {
  const file = accountPath();
  /** @type {Partial<Account>} */
  let parsed = {};
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim() !== '') parsed = JSON.parse(text);
  }
  return {
    account_id: parsed.account_id ?? DEFAULT_ACCOUNT_ID,
    partition: parsed.partition ?? 'aws',
    roles: parsed.roles ?? {},
    policies: parsed.policies ?? {},
    attachments: parsed.attachments ?? [],
  };
}

/**
 * @template T
 * @param {(account: Account) => T} change
 * @returns {T}
 */
function updateAccount(change) {
  const account = readAccount();
  const result = change(account);
  const file = accountPath();
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(account, null, 2) + '\n');
  fs.renameSync(temporary, file);
  return result;
}

module.exports = { readAccount, updateAccount, ACCOUNT_ENV, DEFAULT_ACCOUNT_ID };
