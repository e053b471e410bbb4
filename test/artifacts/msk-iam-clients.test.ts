/**
 * Client configs on an aws-iam environment carry the MSK IAM client settings: for Java clients the four properties of
 * the aws-msk-iam-auth README ("Configuring a Kafka client to use AWS IAM") and the MSK Developer Guide ("Configure
 * clients for IAM access control"); for KafkaJS, SASL/OAUTHBEARER with aws-msk-iam-sasl-signer-js (its README). No
 * credential in any of them; other environments' configs are unchanged.
 */
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { synthStack } from '../helpers/synth';
import { MSK_IAM, shop } from '../model/msk-iam/fixture';

const MSK_IAM_LINES = [
  'security.protocol=SASL_SSL',
  'sasl.mechanism=AWS_MSK_IAM',
  'sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;',
  'sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler',
];

describe('client configs on an aws-iam environment', () => {
  const files = generateArtifacts([synthStack((s) => shop(s), MSK_IAM).topology]);
  const clientFiles = [...files.entries()].filter(([path]) => path.startsWith('clients/msk/'));
  const byEnding = (ending: string): Array<[string, string]> => clientFiles.filter(([path]) => path.endsWith(ending));

  it('give every producer, consumer and Streams .properties file the aws-msk-iam-auth settings', () => {
    const properties = byEnding('.properties').filter(([path]) => !path.includes('worker'));
    expect(properties.length).toBeGreaterThan(4);
    for (const [path, text] of properties) {
      for (const line of MSK_IAM_LINES) expect(text.split('\n'), `${path}: ${line}`).toContain(line);
      expect(text, path).toMatch(/Not included: bootstrap\.servers, ssl\.\* and AWS credentials/);
    }
  });

  it('give a Connect worker the settings for itself and, prefixed, for the clients it creates for connectors', () => {
    const [[path, text] = ['', '']] = byEnding('worker.properties');
    expect(path).not.toBe('');
    for (const prefix of ['', 'producer.', 'consumer.', 'admin.']) {
      for (const line of MSK_IAM_LINES) expect(text.split('\n'), `${prefix}${line}`).toContain(`${prefix}${line}`);
    }
  });

  it('give the JSON documents the settings with their reasons', () => {
    const [, text = '{}'] = byEnding('payment-service/client.json')[0] ?? [];
    const json = JSON.parse(text) as { consumers: Array<{ settings: Record<string, string> }>; notIncluded: string };
    expect(json.consumers[0]?.settings).toMatchObject({ 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'AWS_MSK_IAM' });
    expect(json.notIncluded).toMatch(/AWS credentials/);
  });

  it('give KafkaJS modules SASL/OAUTHBEARER and how to wire aws-msk-iam-sasl-signer-js', () => {
    for (const [path, text] of byEnding('.ts')) {
      expect(text, path).toContain("export const mskIam = { ssl: true, saslMechanism: 'oauthbearer' } as const;");
      expect(text, path).toContain("import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';");
    }
  });

  it('hold no credential setting, and leave other environments as they were', () => {
    for (const [path, text] of clientFiles) expect(text, path).not.toMatch(/aws_?secret|access.?key|password=/i);
    const plain = generateArtifacts([synthStack((s) => shop(s), { ...MSK_IAM, auth: { mechanism: 'scram-sha512' } }).topology]);
    for (const [path, text] of plain) {
      if (path.startsWith('clients/')) expect(text, path).not.toMatch(/AWS_MSK_IAM|mskIam|aws-msk-iam/);
    }
  });
});
