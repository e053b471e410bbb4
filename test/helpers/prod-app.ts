/**
 * The repository's prod environment (one stack per domain, environments.ts and topics/) as an app resolved by
 * renderApp, its stacks not yet rendered or synthesized: what the stack-level tests start from.
 */
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import type { KafkaStack } from '../../constructs/kafka-stack';
import { renderApp } from '../../cli/render-app';
import { environments } from '../../environments';
import { domains } from '../../topics';

export function prodApp(outdir: string): { app: App; stacks: readonly KafkaStack[] } {
  const app = new App({ outdir, stackTraces: false });
  const prod = environments.find((e) => e.name === 'prod');
  if (prod === undefined) throw new Error('environments.ts has no prod');
  const env = new KafkaEnvironment(app, prod.name, { environment: prod });
  for (const name of Object.keys(domains).sort()) domains[name]?.(env);
  const { stacks, issues } = renderApp(app);
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('\n'));
  return { app, stacks };
}
