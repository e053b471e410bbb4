/**
 * The guard's check of what an MSK IAM stack adds (auth.aws.iam, docs/msk-iam.md "Policies in Terraform"): the
 * hashicorp/aws provider, the variable msk_cluster_arn with its validation, the local that splits it, role lookups,
 * and per principal an aws_iam_policy and its attachment — each exactly in the shape constructs/msk-iam.ts writes. A
 * pull request's output is data: its policies may hold only MSK data-plane actions (kafka-cluster:…), on ARNs of the
 * cluster the variable names, and reference nothing but topicform's own variable, local and resources; anything else
 * would let an output grant itself IAM permissions once terraform runs with AWS credentials.
 */
import { canonicalString } from '../model/canonical-json';
import { isObject } from '../model/json-object';
import { MSK_IAM_ACTIONS } from '../model/msk-iam/actions';
import { secretVariable } from '../model/schema/auth';
import {
  MSK_CLUSTER_ARN_CONDITION,
  MSK_CLUSTER_ARN_VARIABLE,
  MSK_CLUSTER_LOCAL,
  MSK_CLUSTER_LOCAL_VALUE,
  TERRAFORM_CLUSTER_ARN_PARTS,
} from '../model/msk-iam/terraform';
import type { GuardCode } from './codes';

type Report = (path: readonly PropertyKey[], code: GuardCode, message: string) => void;

export const AWS_PROVIDER_NAME = 'aws';
export const AWS_PROVIDER_SOURCES = ['hashicorp/aws', 'registry.terraform.io/hashicorp/aws'] as const;
/** The aws provider's settings: only references to the Kafka provider's region and profile variables. */
export const AWS_PROVIDER_REFERENCES: Readonly<Record<string, string>> = {
  region: secretVariable('sasl_aws_region'),
  profile: secretVariable('sasl_aws_profile'),
};
export const AWS_DATA_SOURCES = ['aws_iam_role'] as const;
export const AWS_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  aws_iam_policy: ['name', 'path', 'description', 'policy'],
  aws_iam_role_policy_attachment: ['role', 'policy_arn'],
};
export const MSK_CLUSTER_ARN_VARIABLE_TYPE = 'string';

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const TEMPLATE = /[$%]\{/;

/** Whether the variable's `validation` is exactly the one topicform writes. */
export function isClusterArnValidation(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 1 || !isObject(value[0])) return false;
  const v = value[0];
  return Object.keys(v).length === 2 && v.condition === MSK_CLUSTER_ARN_CONDITION && typeof v.error_message === 'string' && !TEMPLATE.test(v.error_message);
}

/** `locals`: exactly the split of the cluster ARN. */
export function checkLocals(value: unknown, report: Report): void {
  if (value === undefined) return;
  const expected = { [MSK_CLUSTER_LOCAL]: MSK_CLUSTER_LOCAL_VALUE };
  if (canonicalString(value) !== canonicalString(expected)) {
    report(['locals'], 'top-level-key-not-allowed', `top-level "locals" other than topicform's split of var.${MSK_CLUSTER_ARN_VARIABLE}: ${show(value)}`);
  }
}

/** `data`: only aws_iam_role lookups by a literal name. Returns the declared role addresses. */
export function checkData(value: unknown, report: Report): Set<string> {
  const declared = new Set<string>();
  if (!isObject(value)) {
    report(['data'], 'data-source', `expected an object of data sources, got ${show(value)}`);
    return declared;
  }
  for (const [type, sources] of Object.entries(value)) {
    if (!(AWS_DATA_SOURCES as readonly string[]).includes(type) || !isObject(sources)) {
      report(
        ['data', type],
        'data-source',
        `data sources (${type}) are not allowed: topicform writes only ${AWS_DATA_SOURCES.join(', ')}, and a data source such as "external" runs a program on the runner`,
      );
      continue;
    }
    for (const [name, body] of Object.entries(sources)) {
      const path = ['data', type, name];
      if (
        !NAME.test(name) ||
        !isObject(body) ||
        Object.keys(body).some((k) => k !== 'name' && k !== '//') ||
        typeof body.name !== 'string' ||
        TEMPLATE.test(body.name)
      ) {
        report(path, 'data-source', `expected { "name": "<role name>" }, got ${show(body)}`);
        continue;
      }
      declared.add(`data.${type}.${name}`);
    }
  }
  return declared;
}

/** One aws_iam_policy or aws_iam_role_policy_attachment attribute; other attributes are the caller's. */
export function checkAwsAttribute(
  type: string,
  attribute: string,
  value: unknown,
  path: readonly PropertyKey[],
  report: Report,
  declared: ReadonlySet<string>,
): boolean {
  if (type === 'aws_iam_policy' && attribute === 'policy') {
    checkPolicy(value, path, report);
    return true;
  }
  if (type === 'aws_iam_role_policy_attachment') {
    const [pattern, what] =
      attribute === 'role'
        ? [/^\$\{(data\.aws_iam_role\.[A-Za-z_][A-Za-z0-9_-]*)\.name\}$/, 'a role lookup']
        : [/^\$\{(aws_iam_policy\.[A-Za-z_][A-Za-z0-9_-]*)\.arn\}$/, 'a policy'];
    const address = typeof value === 'string' ? pattern.exec(value)?.[1] : undefined;
    if (address === undefined || !declared.has(address)) {
      report(path, 'interpolation', `${attribute} must refer to ${what} of this stack, got ${show(value)}`);
    }
    return true;
  }
  return false;
}

/** The parts of a resource ARN as the policy writes them, with the local's references. */
const P = TERRAFORM_CLUSTER_ARN_PARTS;
const ARN_BASE = `arn:${P.partition}:kafka:${P.region}:${P.account}:`;
const CLUSTER_ARN = `${ARN_BASE}cluster/${P.clusterName}/${P.clusterUuid}`;
const RESOURCE_PREFIXES = ['topic', 'group', 'transactional-id'].map((t) => `${ARN_BASE}${t}/${P.clusterName}/${P.clusterUuid}/`);
/** A Kafka resource name, optionally followed by the prefix wildcard topicform writes for Prefixed grants. */
const KAFKA_NAME = /^[A-Za-z0-9._-]+\*?$/;

function checkPolicy(value: unknown, path: readonly PropertyKey[], report: Report): void {
  const refuse = (why: string): void =>
    report(path, 'interpolation', `policy ${why}: topicform writes MSK data-plane grants on the cluster of var.${MSK_CLUSTER_ARN_VARIABLE} only`);
  if (typeof value !== 'string') return refuse(`is not a string (${show(value)})`);
  let document: unknown;
  try {
    document = JSON.parse(value);
  } catch {
    return refuse('is not JSON');
  }
  if (!isObject(document) || document.Version !== '2012-10-17' || !Array.isArray(document.Statement) || Object.keys(document).length !== 2) {
    return refuse('is not a policy document of the shape topicform writes');
  }
  for (const statement of document.Statement as unknown[]) {
    if (!isObject(statement) || statement.Effect !== 'Allow' || Object.keys(statement).length !== 3) {
      return refuse(`has a statement topicform does not write: ${show(statement)}`);
    }
    const actions = statement.Action;
    if (!Array.isArray(actions) || !actions.every((a) => (MSK_IAM_ACTIONS as readonly unknown[]).includes(a))) {
      return refuse(`grants actions topicform never grants: ${show(actions)}`);
    }
    const resources = statement.Resource;
    if (!Array.isArray(resources)) return refuse(`has resources that are not a list: ${show(resources)}`);
    for (const resource of resources) {
      const ok =
        resource === CLUSTER_ARN ||
        (typeof resource === 'string' && RESOURCE_PREFIXES.some((prefix) => resource.startsWith(prefix) && KAFKA_NAME.test(resource.slice(prefix.length))));
      if (!ok) return refuse(`names a resource that is not of the cluster: ${show(resource)}`);
    }
  }
}

/** The variable topicform declares for the cluster ARN. */
export const AWS_VARIABLES: Readonly<Record<string, string>> = { [MSK_CLUSTER_ARN_VARIABLE]: MSK_CLUSTER_ARN_VARIABLE_TYPE };
