// Scrub removes what `terraform show -json` writes in clear: sensitive variables, attributes under a sensitivity mask,
// sensitive outputs, literal secrets in provider configuration, and any value the caller names. Real terraform plans
// (against the provider double) prove it on the shapes terraform writes; they skip where terraform is absent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlanScrub } from '../../cli/commands/plan';
import { TERRAFORM_1_11 } from '../../model/terraform-version';
import { REDACTED, scrubPlan } from '../../pipeline/scrub';
import { createTerraformWorkspace, terraformAvailable } from '../../scripts/terraform/workspace';

const SECRET = 'planted-password-5d1c9e';

describe('scrubPlan', () => {
  it('replaces values under before/after masks, in changes, drift, planned and prior state, and outputs', () => {
    const plan = {
      format_version: '1.2',
      configuration: {
        root_module: { variables: { pw: { sensitive: true }, servers: {} } },
        provider_config: { kafka: { expressions: { sasl_password: { constant_value: SECRET }, tls_enabled: { constant_value: true } } } },
      },
      variables: { pw: { value: SECRET }, servers: { value: ['b:9092'] } },
      resource_changes: [
        {
          address: 'x.y',
          change: {
            actions: ['create'],
            before: null,
            after: { password: SECRET, name: 'n', nested: [{ k: SECRET }] },
            after_sensitive: { password: true, nested: [{ k: true }] },
          },
        },
      ],
      resource_drift: [
        {
          address: 'x.z',
          change: {
            actions: ['update'],
            before: { password: SECRET },
            before_sensitive: { password: true },
            after: { password: 'other-secret-1' },
            after_sensitive: { password: true },
          },
        },
      ],
      output_changes: { o: { before: null, after: SECRET, after_sensitive: true } },
      planned_values: {
        outputs: { o: { sensitive: true, value: SECRET } },
        root_module: { resources: [{ values: { password: SECRET, name: 'n' }, sensitive_values: { password: true } }] },
      },
      prior_state: { values: { root_module: { child_modules: [{ resources: [{ values: { password: SECRET }, sensitive_values: { password: true } }] }] } } },
    };
    const { plan: scrubbed, removed } = scrubPlan(plan);
    const text = JSON.stringify(scrubbed);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('other-secret-1');
    expect(removed).toBe(10);
    expect(text).toContain('"servers":{"value":["b:9092"]}');
    expect(text).toContain('"name":"n"');
    expect(JSON.stringify(plan)).toContain(SECRET); // the input is not changed
  });

  it('replaces a literal secret the caller names wherever it appears, even where no mask says so', () => {
    const { plan } = scrubPlan({ resource_changes: [{ change: { after: { note: `pw=${SECRET};` } } }] }, [SECRET, 'abc']);
    expect(JSON.stringify(plan)).toBe(JSON.stringify({ resource_changes: [{ change: { after: { note: `pw=${REDACTED};` } } }] }));
  });
});

const tf = terraformAvailable();
const work = mkdtempSync(join(tmpdir(), 'topicform-scrub-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!tf.ok)(`with real terraform plans [${tf.ok ? tf.reason : `skipped: ${tf.reason}`}]`, () => {
  const stack = (ephemeral: boolean) => ({
    provider: {
      kafka: [
        {
          bootstrap_servers: '${var.kafka_bootstrap_servers}',
          tls_enabled: false,
          sasl_mechanism: 'scram-sha512',
          sasl_username: '${var.kafka_sasl_username}',
          sasl_password: '${var.kafka_sasl_password}',
        },
      ],
    },
    terraform: { required_providers: { kafka: { source: 'mongey/kafka', version: '~> 0.13.1' } }, ...(ephemeral ? { required_version: TERRAFORM_1_11 } : {}) },
    variable: {
      kafka_bootstrap_servers: { type: 'list(string)', nullable: false },
      kafka_sasl_username: { type: 'string', nullable: false, ...(ephemeral ? { ephemeral: true } : {}) },
      kafka_sasl_password: { type: 'string', nullable: false, sensitive: true, ...(ephemeral ? { ephemeral: true } : {}) },
    },
    resource: { kafka_topic: { t: { name: 't', partitions: 1, replication_factor: 1 } } },
  });
  const vars = { kafka_bootstrap_servers: ['localhost:9092'], kafka_sasl_username: 'terraform', kafka_sasl_password: SECRET };

  it('a sensitive variable is in clear in terraform show -json; the scrubbed plan holds no trace of it', async () => {
    const ws = await createTerraformWorkspace({ json: stack(false), vars });
    try {
      await ws.init();
      await ws.plan({ out: 'tfplan' });
      const raw = (await ws.run(['show', '-json', 'tfplan'])).stdout;
      expect(raw).toContain(SECRET);
      writeFileSync(join(work, 'raw.json'), raw);
      let err = '';
      const code = runPlanScrub(
        'raw.json',
        { output: 'scrubbed.json' },
        { stderr: { write: (s: string) => ((err += s), true) } as NodeJS.WritableStream },
        work,
      );
      expect(code).toBe(0);
      expect(err).toMatch(/[1-9][0-9]* sensitive values? removed/);
      expect(readFileSync(join(work, 'scrubbed.json'), 'utf8')).not.toContain(SECRET);
    } finally {
      await ws.dispose();
    }
  }, 120_000);

  it('with ephemeral credential variables (what topicform writes), neither the saved plan nor its JSON holds the secret, and apply asks for it again', async () => {
    const ws = await createTerraformWorkspace({ json: stack(true), vars });
    try {
      await ws.init();
      await ws.plan({ out: 'tfplan' });
      expect(readFileSync(join(ws.dir, 'tfplan')).includes(Buffer.from(SECRET))).toBe(false);
      expect((await ws.run(['show', '-json', 'tfplan'])).stdout).not.toContain(SECRET);
      await ws.apply('tfplan');
      expect(ws.readStateText()).not.toContain(SECRET);
    } finally {
      await ws.dispose();
    }
  }, 120_000);

  it('a terraform older than the stated required_version stops at init, saying so (here: a constraint above this terraform)', async () => {
    const json = stack(true);
    const ws = await createTerraformWorkspace({ json: { ...json, terraform: { ...json.terraform, required_version: '>= 99.0' } }, vars });
    try {
      const init = await ws.run(['init', '-input=false', '-no-color'], { allowedExitCodes: [1] });
      expect(`${init.stdout}${init.stderr}`).toMatch(/Unsupported Terraform Core version/);
    } finally {
      await ws.dispose();
    }
  }, 120_000);
});
