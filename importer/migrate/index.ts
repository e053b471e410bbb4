/**
 * `topicform import --kafka-gitops | --julieops | --topicctl`, without the file system: descriptor texts in (and,
 * optionally, the cluster's tool output), declarations, adopt list and a per-element report out.
 */
import { generateFiles, type GeneratedFile, type GenerateOptions } from '../generate/typescript';
import { EXPECTED, sniff, unusableInput, type InputKind } from '../input-check';
import { DEFAULT_DOMAIN_PATTERN } from '../naming';
import { buildSnapshot, type ImportInputs, type InputFile } from '../snapshot';
import { readJulieOps } from './julieops';
import { readKafkaGitops, type IncludeReader } from './kafka-gitops';
import { planMigration, type MigrationPlan } from './plan';
import { renderMigrationSummary } from './report';
import type { MigrationSource, MigrationTool } from './source';
import { readTopicctl } from './topicctl';

export interface MigrationRequest {
  readonly tool: MigrationTool;
  /** kafka-gitops: one state file; JulieOps and topicctl: one or more. */
  readonly files: readonly InputFile[];
  /** kafka-gitops `settings.files`: reads a file relative to the state file. */
  readonly include?: IncludeReader;
  /** The cluster's tool output, when given: what exists is adopted and the first plan predicted. */
  readonly cluster?: ImportInputs;
  readonly environment: unknown;
  readonly domainPattern?: string;
  readonly owner?: string;
  readonly generate?: GenerateOptions;
  /** Give migrated consumer groups dead-letter topics (MigrationOptions.deadLetter). */
  readonly deadLetter?: boolean;
  /** The command line that adopts what an `--only` pattern selects (for the undeclared listing). */
  readonly adoptCommand?: (only: string) => string;
}

export interface MigrationResult {
  readonly plan: MigrationPlan;
  readonly files: readonly GeneratedFile[];
  readonly summary: string;
  /** False when nothing usable was found: the command exits non-zero and writes nothing. */
  readonly usable: boolean;
}

const KIND: Readonly<Record<MigrationTool, InputKind>> = { 'kafka-gitops': 'kafkaGitops', julieops: 'julieops', topicctl: 'topicctl' };

export function runMigration(request: MigrationRequest): MigrationResult | { readonly error: string } {
  const kind = KIND[request.tool];
  const unusable = request.files.flatMap((f) => {
    const looks = sniff(f.text);
    // Another tool's output is refused before it is read as this tool's (a YAML parser reads almost anything).
    const foreign = (looks?.kind !== undefined && looks.kind !== kind) || looks?.foreign === true;
    const problem = unusableInput(kind, f.file, f.text, foreign ? 0 : 1);
    return problem === undefined ? [] : [problem];
  });
  if (unusable.length > 0) return { error: unusable.join('\n') };
  const source: MigrationSource =
    request.tool === 'kafka-gitops'
      ? readKafkaGitops(request.files[0] as InputFile, request.include ?? ((path) => `no file reader for ${path}`))
      : request.tool === 'julieops'
        ? readJulieOps(request.files)
        : readTopicctl(request.files);
  let cluster;
  if (request.cluster !== undefined) {
    cluster = buildSnapshot(request.cluster);
    if (cluster.unusableInputs.length > 0) return { error: cluster.unusableInputs.join('\n') };
  }
  const plan = planMigration(source, {
    environment: request.environment,
    ...(request.domainPattern === undefined ? {} : { domainPattern: request.domainPattern }),
    ...(request.owner === undefined ? {} : { owner: request.owner }),
    ...(cluster === undefined ? {} : { cluster }),
    ...(request.deadLetter === true ? { deadLetter: true } : {}),
  });
  if ('error' in plan) return plan;
  const adoptCommand = request.adoptCommand ?? ((only: string) => `topicform import --env ${plan.environment} … --only '${only}'`);
  const summary = renderMigrationSummary(plan, request.domainPattern ?? DEFAULT_DOMAIN_PATTERN, adoptCommand);
  const usable = plan.usable > 0;
  return {
    plan,
    files: usable ? generateFiles(plan, request.generate) : [],
    summary: usable
      ? summary
      : `${summary}\nnothing usable was found in ${EXPECTED[kind].what.replace(/ \(.*\)$/, '')} ${source.files.join(', ')}: nothing is written\n`,
    usable,
  };
}

export type { MigrationPlan } from './plan';
export type { MigrationTool } from './source';
