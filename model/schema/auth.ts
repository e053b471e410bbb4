/**
 * How terraform authenticates to the cluster. Only the mechanism is declared; secrets never are. They come from the
 * provider's own environment variables (`secrets: 'environment'`, the default) or from sensitive Terraform variables
 * (`secrets: 'variables'`), which CI supplies as TF_VAR_… values. Synth reads neither.
 */
import { z } from 'zod';

/** The Terraform variable that carries the bootstrap servers (`TF_VAR_kafka_bootstrap_servers` in CI). */
export const BOOTSTRAP_SERVERS_VARIABLE = 'kafka_bootstrap_servers';

export const AUTH_MECHANISMS = ['none', 'scram-sha256', 'scram-sha512', 'oauthbearer', 'mtls'] as const;
export type AuthMechanism = (typeof AUTH_MECHANISMS)[number];

export const authSchema = z.strictObject({
  /** @default 'scram-sha512' */
  mechanism: z.enum(AUTH_MECHANISMS).default('scram-sha512'),
  /** TLS to the brokers. @default true */
  tls: z.boolean().default(true),
  /** Where secrets come from. @default 'environment' */
  secrets: z.enum(['environment', 'variables']).default('environment'),
});
export type AuthDeclaration = z.infer<typeof authSchema>;

/** A provider attribute whose value is supplied at terraform time, never at synth time. */
export interface ProviderSecret {
  /** Attribute of the provider block, e.g. `sasl_password`. */
  readonly attribute: string;
  /** The provider's environment variable for it, e.g. `KAFKA_SASL_PASSWORD`. */
  readonly environmentVariable: string;
  /** The sensitive Terraform variable used with `secrets: 'variables'`, e.g. `kafka_sasl_password`. */
  readonly variable: string;
  readonly sensitive: boolean;
  /** Needed only in some setups (a CA certificate only when the brokers' CA is not in the system store). */
  readonly optional: boolean;
}

const secret = (attribute: string, environmentVariable: string, sensitive = true, optional = false): ProviderSecret => ({
  attribute,
  environmentVariable,
  variable: secretVariable(attribute),
  sensitive,
  optional,
});

/**
 * Every provider setting topicform may wire to a Terraform variable (`secrets: 'variables'`), whatever the mechanism:
 * what `topicform guard` accepts as a variable reference in the provider block.
 */
export const PROVIDER_SECRET_ATTRIBUTES = ['sasl_username', 'sasl_password', 'sasl_token_url', 'ca_cert', 'client_cert', 'client_key'] as const;

/** The variable a provider secret attribute is wired to: `kafka_<attribute>`. */
export const secretVariable = (attribute: string): string => `kafka_${attribute}`;

/** The settings a mechanism needs at terraform time (Mongey provider 0.13.1 names; see provider-schema/NOTES.md). */
export function providerSecrets(auth: AuthDeclaration): ProviderSecret[] {
  const tls = auth.tls ? [secret('ca_cert', 'KAFKA_CA_CERT', false, true)] : [];
  switch (auth.mechanism) {
    case 'none':
      return [];
    case 'scram-sha256':
    case 'scram-sha512':
      return [secret('sasl_username', 'KAFKA_SASL_USERNAME', false), secret('sasl_password', 'KAFKA_SASL_PASSWORD'), ...tls];
    case 'oauthbearer':
      // For OAUTHBEARER the provider uses the SASL username/password as OAuth client id and secret.
      return [
        secret('sasl_username', 'KAFKA_SASL_USERNAME', false),
        secret('sasl_password', 'KAFKA_SASL_PASSWORD'),
        secret('sasl_token_url', 'KAFKA_SASL_TOKEN_URL', false),
        ...tls,
      ];
    case 'mtls':
      return [...tls, secret('client_cert', 'KAFKA_CLIENT_CERT', false), secret('client_key', 'KAFKA_CLIENT_KEY')];
  }
}
