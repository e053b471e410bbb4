/**
 * The client settings of Amazon MSK IAM access control (environment auth `aws-iam`, docs/msk-iam.md "Client
 * settings"), for Java clients with AWS's `aws-msk-iam-auth` library on the classpath. None is a credential: the login
 * module takes the client's AWS identity from the AWS SDK's default credential chain (environment, profile, web
 * identity, container or instance role), so the same lines serve every deployment of a service.
 *
 * Sources: the aws-msk-iam-auth README ("Configuring a Kafka client to use AWS IAM", https://github.com/aws/aws-msk-iam-auth)
 * and the Amazon MSK Developer Guide, "Configure clients for IAM access control"
 * (https://docs.aws.amazon.com/msk/latest/developerguide/configure-clients-for-iam-access-control.html): exactly these
 * four properties, over the cluster's IAM listener (port 9098, TLS).
 */
import type { Setting } from '../client-config';

/** aws-msk-iam-auth's SASL mechanism name. */
export const MSK_IAM_SASL_MECHANISM = 'AWS_MSK_IAM';
/** The library's JAAS login module and client callback handler classes. */
export const MSK_IAM_LOGIN_MODULE = 'software.amazon.msk.auth.iam.IAMLoginModule';
export const MSK_IAM_CALLBACK_HANDLER = 'software.amazon.msk.auth.iam.IAMClientCallbackHandler';

export const MSK_IAM_CLIENT_SETTINGS: readonly Setting[] = [
  { key: 'security.protocol', value: 'SASL_SSL', reason: 'Amazon MSK accepts IAM authentication only over TLS (the IAM listener, port 9098)' },
  {
    key: 'sasl.mechanism',
    value: MSK_IAM_SASL_MECHANISM,
    reason: "the environment's auth is aws-iam: IAM policies, not Kafka ACLs, decide access (aws-msk-iam-auth on the classpath)",
  },
  {
    key: 'sasl.jaas.config',
    value: `${MSK_IAM_LOGIN_MODULE} required;`,
    reason:
      'aws-msk-iam-auth\'s login module; it signs with the AWS SDK\'s default credential chain, no credential here (add awsRoleArn="…" or awsProfileName="…" to use another identity)',
  },
  {
    key: 'sasl.client.callback.handler.class',
    value: MSK_IAM_CALLBACK_HANDLER,
    reason: "aws-msk-iam-auth's callback handler, which supplies the signed credentials",
  },
];

/** What a generated config leaves out on an aws-iam environment (instead of client-config.ts NOT_INCLUDED). */
export const NOT_INCLUDED_MSK_IAM =
  'bootstrap.servers, ssl.* and AWS credentials are deployment settings and never synthesized (the IAM login module reads the AWS default credential chain)';

/**
 * The same settings for a Kafka Connect worker: its own connections, and (prefixed) the producers, consumers and admin
 * clients it creates for connectors, which would otherwise connect without SASL.
 */
export const MSK_IAM_WORKER_SETTINGS: readonly Setting[] = ['', 'producer.', 'consumer.', 'admin.'].flatMap((prefix) =>
  MSK_IAM_CLIENT_SETTINGS.map((s) => ({
    ...s,
    key: `${prefix}${s.key}`,
    reason: prefix === '' ? s.reason : `${s.reason}; for the ${prefix.slice(0, -1)} clients of connectors`,
  })),
);
