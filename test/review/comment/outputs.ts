// Synthesizes the repository's app (environments.ts: dev, staging, prod split per domain) with given domain
// declarations, in this process, into the parsed Snapshot that review compares: what `topicform review` reads from
// two cdktf.out directories, without writing them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Construct } from 'constructs';
import { renderApp } from '../../../cli/render-app';
import { KafkaEnvironment } from '../../../constructs';
import { App } from '../../../constructs/cdktf';
import { synthesizeStacks } from '../../../constructs/synth/synthesize-stacks';
import { environments } from '../../../environments';
import type { EnvironmentInput } from '../../../model/schema';
import { parseOutput } from '../../../review/parse';
import type { StackFiles } from '../../../review/parse';
import type { Snapshot } from '../../../review/types';

/**
 * The realistic change adds a shipping-service producer; on Confluent Cloud its pull request also names the principal's
 * service account in environments.ts (an error otherwise), as the author would.
 */
function withChangeServiceAccounts(environment: EnvironmentInput): EnvironmentInput {
  if (environment.platform !== 'confluent-cloud') return environment;
  const confluent = environment.confluent ?? {};
  return { ...environment, confluent: { ...confluent, serviceAccounts: { ...confluent.serviceAccounts, 'User:shipping-service': 'sa-9shipp0' } } };
}

export function synthesizeOutput(label: string, domains: Readonly<Record<string, (scope: Construct) => unknown>>): Snapshot {
  const outdir = mkdtempSync(join(tmpdir(), 'topicform-comment-'));
  try {
    const app = new App({ outdir, stackTraces: false });
    for (const declared of environments) {
      const environment = withChangeServiceAccounts(declared);
      const env = new KafkaEnvironment(app, environment.name, { environment });
      for (const name of Object.keys(domains).sort()) domains[name]?.(env);
    }
    const { stacks, issues } = renderApp(app);
    // Warnings are expected: these declarations are a subset of the app, and environments.ts lists SCRAM credentials
    // for principals of the whole app (not created where unused).
    const errors = issues.filter((i) => i.severity !== 'warning');
    if (errors.length > 0) throw new Error(errors.map((i) => `${i.path}: ${i.message}`).join('\n'));
    const files: StackFiles[] = [];
    synthesizeStacks(app, stacks, (stack, json) => {
      const dir = `${label}/stacks/${stack.node.id}`;
      files.push({
        stack: stack.node.id,
        terraform: { file: `${dir}/cdk.tf.json`, text: JSON.stringify(json) },
        topology: { file: `${dir}/topology.json`, text: JSON.stringify(stack.topology) },
      });
    });
    return parseOutput(label, files);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
