/**
 * The app: one KafkaEnvironment per entry of environments.ts, each carrying the domains of topics/ it lists (all by
 * default), split into stacks by the environment's layout.
 *
 * `npm run synth` (and `cdktf synth`, through cdktf.json) runs this file with `topicform synth`'s options (`--env`,
 * `--domain`, `--out`, …); it validates everything, then writes cdktf.out/ atomically (cli/synth.ts).
 */
import { App } from './constructs/cdktf';
import { KafkaEnvironment } from './constructs';
import { environments } from './environments';
import { domains } from './topics';
import { readAdoption } from './cli/adoption';
import { synthMain } from './cli/commands/synth';

export function buildApp(outdir: string): App {
  // Stack traces in annotations would carry absolute paths into the manifest and cost time on every token.
  const app = new App({ outdir, stackTraces: false });
  for (const environment of environments) {
    const adopt = readAdoption(environment.name);
    const env = new KafkaEnvironment(app, environment.name, { environment, ...(adopt === undefined ? {} : { adopt }) });
    for (const name of Object.keys(domains).sort()) if (env.carries(name)) domains[name]?.(env);
  }
  return app;
}

// `npm run synth -- --env prod` and `npx tsx main.ts --env prod` take `topicform synth`'s options.
if (require.main === module) {
  process.exitCode = synthMain(buildApp);
}
