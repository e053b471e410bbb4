/**
 * The app: one stack per environment, each carrying every domain of topics/.
 *
 * `npm run synth` (and `cdktf synth`, through cdktf.json) runs this file; it validates everything, then writes
 * cdktf.out/ atomically (cli/synth.ts).
 */
import { App } from './constructs/cdktf';
import { KafkaStack } from './constructs';
import { environments } from './environments';
import { domains } from './topics';
import { runSynth } from './cli/synth';

export function buildApp(outdir: string): App {
  // Stack traces in annotations would carry absolute paths into the manifest and cost time on every token.
  const app = new App({ outdir, stackTraces: false });
  for (const environment of environments) {
    const stack = new KafkaStack(app, environment.name, { environment });
    for (const name of Object.keys(domains).sort()) domains[name]?.(stack);
  }
  return app;
}

if (require.main === module) {
  process.exitCode = runSynth(buildApp, { outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' });
}
