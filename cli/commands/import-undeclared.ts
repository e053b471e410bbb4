/**
 * `topicform import --undeclared`: the cluster (tool output) against the declarations of one environment (the app's
 * stacks of that environment, resolved as lint resolves them): every topic and ACL none of them claims, by likely
 * owner, with the command that adopts it. Writes nothing. Exit 1 on declaration errors, on unusable input, and with
 * `--fail-on-undeclared` when anything is undeclared.
 */
import { UsageError, loadAppBuilder } from '../load-app';
import { loadStacks } from '../stacks';
import type { ImportOptions } from './import';
import { compileDomainPattern, type ImportInputs } from '../../importer';
import { buildSnapshot } from '../../importer/snapshot';
import { claimsOf, findUndeclared } from '../../importer/undeclared';
import { renderUndeclared, undeclaredJson } from '../../importer/undeclared-report';
import { environmentSchema } from '../../model/schema';

export interface UndeclaredRun {
  readonly inputs: ImportInputs;
  readonly environment: unknown;
  readonly options: ImportOptions;
  readonly cwd: string;
  readonly adoptCommand: (only: string) => string;
}

export function runUndeclared(run: UndeclaredRun): number {
  const { options } = run;
  const env = environmentSchema.safeParse(run.environment);
  if (!env.success) {
    throw new UsageError(`the environment "${options.env}" is not valid: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const pattern = compileDomainPattern(options.domainPattern);
  if (typeof pattern === 'string') throw new UsageError(pattern);
  const snapshot = buildSnapshot(run.inputs);
  if (snapshot.unusableInputs.length > 0) throw new UsageError(snapshot.unusableInputs.join('\n'));
  const { stacks, errors } = loadStacks(loadAppBuilder(options.app, run.cwd), [options.env]);
  if (errors.length > 0) {
    process.stderr.write(`${errors.join('\n')}\n\nthe declarations have errors; fix them before checking what is undeclared\n`);
    return 1;
  }
  const report = findUndeclared(snapshot, claimsOf(stacks.map((s) => s.topology)), { env: env.data, pattern });
  const title = `on the "${options.env}" cluster, declared nowhere in ${options.app}`;
  process.stdout.write(
    options.format === 'json' ? undeclaredJson(report, options.env, run.adoptCommand) : renderUndeclared(report, { title, adoptCommand: run.adoptCommand }),
  );
  const unread = snapshot.findings.filter((f) => f.code === 'unknown-line' || f.code === 'unsupported-acl');
  if (unread.length > 0 && options.format === 'text') {
    process.stdout.write(
      `\ninput not understood or not expressible, so not checked (${unread.length}):\n${unread.map((f) => `  ${f.at === undefined ? f.subject : `${f.at.file}:${f.at.line}`}: ${f.message}`).join('\n')}\n`,
    );
  }
  return options.failOnUndeclared && report.counts.topics + report.counts.acls > 0 ? 1 : 0;
}
