/**
 * The managed-Kafka tests' one synth: the shop fixture (test/model/msk-iam/fixture.ts, every kind of client) in one
 * environment, through the CLI's real synthesize() (validations on, every artifact written), into `out`.
 */
import { join } from 'node:path';
import { App } from '../../constructs/cdktf';
import { KafkaEnvironment } from '../../constructs';
import { synthesize } from '../../cli/synth';
import type { EnvironmentInput } from '../../model/schema';
import { shop } from '../model/msk-iam/fixture';

/** Synthesizes the shop in `environment` into `out` and returns `out`; a failed synth throws with its errors. */
export function synthShop(out: string, environment: EnvironmentInput): string {
  const result = synthesize((outdir) => {
    const app = new App({ outdir, stackTraces: false });
    shop(new KafkaEnvironment(app, environment.name, { environment }));
    return app;
  }, out);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return out;
}

/** The folder of the environment's stack in an output synthShop wrote. */
export const stackFolder = (out: string, environment: EnvironmentInput): string => join(out, 'stacks', environment.name);
