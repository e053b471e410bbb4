/**
 * Why the guard refuses something: one code per reason, each with what it protects against. The codes are a contract
 * (tests and CI logs name them); the README lists them (test/review/docs.test.ts checks that it lists every one).
 */
export const GUARD_CODES = {
  'unexpected-file': 'a file terraform would load (*.tf, *.tf.json, *.auto.tfvars.json, …) or anything else topicform does not write',
  symlink: 'a symbolic link: it can point terraform at any file on the runner',
  'terraform-working-files':
    "terraform's .terraform/ or lock file in an output from another job: a planted provider binary or checksum would run with the credentials",
  'missing-file': 'cdk.tf.json or topology.json is missing',
  'invalid-json': 'the file is not valid JSON',
  'duplicate-key': 'a key appears twice in one object: JSON.parse keeps the last, terraform reads both',
  'top-level-key-not-allowed': 'a top-level block topicform never writes (locals, check, ephemeral, …)',
  'data-source': 'a data source other than the aws_iam_role lookups of an MSK IAM stack: `data "external"` runs a program',
  module: 'a module: arbitrary code and providers',
  output: 'an output: topicform writes none, and outputs can carry values out of the plan',
  'terraform-setting-not-allowed': 'a terraform {} setting topicform never writes (cloud, experiments, …), or a required_version it does not write',
  'provider-not-allowed': 'a provider other than mongey/kafka (and hashicorp/aws for MSK IAM policies)',
  'provider-attribute-not-allowed': 'a provider setting topicform never writes (files on the runner, AWS settings, skip_tls_verify, alias, …)',
  'provider-connection-literal':
    'a connection setting written as a literal instead of the variable topicform wires: credentials would go where the pull request says',
  'sasl-mechanism-not-allowed': 'a SASL mechanism topicform never writes (plain sends the password in clear)',
  'resource-type-not-allowed':
    'a resource type other than kafka_topic, kafka_acl, kafka_quota, kafka_user_scram_credential and the MSK IAM aws_iam_policy and aws_iam_role_policy_attachment (null_resource, …)',
  'credential-not-ephemeral':
    "a SCRAM password that is not exactly the user's own ephemeral, sensitive password variable: a literal or another expression would put it in the output, the plan or the state",
  provisioner: 'a provisioner or connection: it runs commands on the runner',
  'meta-argument-not-allowed': 'count, for_each, depends_on, provider or a lifecycle setting topicform never writes',
  'attribute-not-allowed': 'an attribute topicform never writes',
  interpolation:
    "an expression (${…} or %{…}) where topicform writes literals: functions such as file() read the runner; in an MSK IAM policy, anything but kafka-cluster actions on the cluster variable's ARNs",
  'variable-not-allowed': 'a variable topicform never declares',
  'variable-setting-not-allowed': 'a variable default, validation or other setting topicform never writes: a default would supply a value CI did not',
  'backend-not-allowed': 'a backend type or backend setting topicform never writes',
  'local-backend': 'a local or missing backend where CI needs remote state',
  'block-not-allowed': 'an import, removed or moved block of a shape topicform never writes (provisioners, providers, other resource types)',
  'backend-changed': 'the backend differs from the base: the state and its credentials would go somewhere new before review',
  'provider-changed': 'the provider settings (TLS, SASL mechanism, connection) differ from the base',
  'variables-changed': 'the variables differ from the base',
  'required-providers-changed': 'the required providers differ from the base',
  'new-environment': 'a stack of an environment the base does not have: its settings cannot be compared with anything reviewed',
} as const;

export type GuardCode = keyof typeof GUARD_CODES;

/**
 * Differences from the base rather than foreign content: the output holds only what topicform writes, but a stack's
 * backend, provider settings, variables or required providers are not the reviewed ones (or its environment is new).
 * Such a stack is never planned before the change is merged; the output is still data review can read, and review
 * blocks each difference until a reviewed acknowledgement accepts it (README "Review").
 */
export const SETTINGS_CODES: readonly GuardCode[] = [
  'backend-changed',
  'provider-changed',
  'variables-changed',
  'required-providers-changed',
  'new-environment',
];
