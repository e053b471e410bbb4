/**
 * The replay procedure's lines for a reader's replay-safety statement (model/schema/replay-safety.ts): checked when the
 * declaration states how the precondition is met, unchecked (a person must confirm) when it does not, or states that
 * it is not met. Shared by every reader kind's runbook.
 *
 * A reader's section holds each check's status and the reader's own facts; what a check means and how to confirm it
 * is said once per page (checksExplained). At 1,000 bench topics the same explanations, repeated in each of 2,000
 * group sections, were a million bytes of the runbooks (issue 26).
 */
import type { ReplaySafety } from '../model/schema';
import type { ResolvedEventTopic } from '../model/topology';
import { REPLAY_EXPLAINED } from './catalog/facts';

export interface ReplayCheck {
  readonly ok: boolean;
  readonly text: string;
}

/** A check as a Markdown task-list line: ticked when met, open for a person to confirm. */
export function checkBox(check: ReplayCheck): string {
  return `- [${check.ok ? 'x' : ' '}] ${check.text}`;
}

/**
 * The retention precondition, per topic a reader replays: time-based retention covers the declared replay window (lint
 * enforces it); a byte cap may have cut it, which only the earliest offset's timestamp tells.
 */
export function retentionChecks(topics: readonly ResolvedEventTopic[], code: (text: string) => string): ReplayCheck[] {
  return topics.map((t) => ({
    ok: t.retentionBytes === null,
    text: `**Retention** of ${code(t.name)}${t.retentionBytes === null ? ' covers the replay' : `: a byte cap (retention.bytes ${t.retentionBytes} per partition) may have cut the window: check the timestamp of the earliest offset`}.`,
  }));
}

/** `cell` escapes declared text for the Markdown page; `code` formats a name. */
export function replaySafetyChecks(
  statement: ReplaySafety | undefined,
  service: string,
  format: { readonly cell: (text: string) => string; readonly code: (text: string) => string },
): [ReplayCheck, ReplayCheck] {
  const { cell, code } = format;
  if (statement === undefined) {
    // What to confirm is said once on the page (checksExplained); the service is this reader's own fact.
    return [
      {
        ok: false,
        text: '**Deterministic processing**: not declared: confirm it.',
      },
      {
        ok: false,
        text: `**Controlled external side effects**: not declared: confirm them for ${code(service)}.`,
      },
    ];
  }
  const deterministic: ReplayCheck = statement.deterministic
    ? { ok: true, text: '**Deterministic processing**: declared.' }
    : {
        ok: false,
        text: '**Deterministic processing**: declared **not** deterministic: a replay may produce different results than the first run. Decide whether that is acceptable before resetting offsets.',
      };
  const effects = statement.sideEffects;
  const sideEffects: ReplayCheck =
    effects.control === 'none'
      ? { ok: true, text: `**Controlled external side effects**: declared none: ${code(service)} writes nothing outside Kafka.` }
      : effects.control === 'guarded'
        ? { ok: true, text: `**Controlled external side effects**: guarded by ${cell(effects.by)}.` }
        : {
            ok: false,
            text: `**Controlled external side effects**: declared **not replay-safe**: ${cell(effects.reason)}. Switch those effects off for the replay, or do not replay this reader.`,
          };
  return [deterministic, sideEffects];
}

/** Which readers and topic facts a runbook page shows: its explanation covers those and no others. */
export interface PageReaders {
  readonly groups: boolean;
  readonly sinks: boolean;
  /** The topics the page's readers read. */
  readonly topics: readonly ResolvedEventTopic[];
  /** Whether a topic line says how long re-reading all of it takes (a group with a declared processing time). */
  readonly estimates: boolean;
}

/**
 * What each replay check means and how to confirm it, and what a topic line's facts mean: once per runbook page, before
 * the steps. `code` formats a name.
 */
export function checksExplained(page: PageReaders, code: (text: string) => string): string[] {
  const readers = page.groups && page.sinks ? 'consumer group and sink connector' : page.groups ? 'consumer group' : 'sink connector';
  const window = page.topics.some((t) => t.replay.kind === 'window');
  const full = page.topics.some((t) => t.replay.kind === 'full');
  return [
    '## Replay checks',
    '',
    `Each ${readers} section below lists the preconditions of a replay, ticked where the declarations show them met and open where a person must confirm them (or decide) before resetting offsets:`,
    '',
    `- **Idempotence**: a replay processes events again${page.sinks ? ' (a sink connector writes records it has already written to the external system again)' : ''}, so duplicates must be harmless. Ticked with the declared ${code('idempotency')} strategy; open when none is declared: declare one once duplicates are harmless.`,
    '- **Retention** of each topic read: ticked when time-based retention covers the replay (lint checks it against the window); open when a byte cap may have cut the window: check the timestamp of the earliest offset.',
    `- **Deterministic processing**: processing an event again gives the same result: no wall clock, random ids, or reads of state that changed since the event. Only a ${code('replaySafety')} statement can declare it: ticked when declared; open when not declared (confirm it) or declared not deterministic (decide whether a different result is acceptable).`,
    `- **Controlled external side effects**: what the service does outside Kafka (payments, e-mails, calls to other services) is deduplicated or switched off for the replay. Ticked when ${code('replaySafety')} declares none or what guards them; open when not declared (confirm it) or declared not replay-safe (switch those effects off for the replay, or do not replay the reader).`,
    offsetsExplained(page),
    '',
    ...(window || full || page.estimates
      ? [
          'Each topic read has a line with its replay facts:',
          '',
          ...(window ? [`- ${REPLAY_EXPLAINED.window}`] : []),
          ...(full ? [`- ${REPLAY_EXPLAINED.full}`] : []),
          ...(page.estimates
            ? [
                "- **Re-reading all of it** (a topic with a declared peak throughput, read by a group with a declared processing time): the declared peak × the retention is the most messages the topic holds; at the group's time per message, with one instance per partition, processing them takes up to the time given.",
              ]
            : []),
          '',
        ]
      : []),
  ];
}

/** The Offsets check, in the words of the page's reader kinds: a group commits itself, Connect commits for a sink. */
function offsetsExplained(page: PageReaders): string {
  const resumes = 'so the reset point is where processing resumes';
  const auto = 'a crash during the replay may skip events';
  if (!page.sinks) return `- **Offsets**: ticked when committed manually after processing, ${resumes}; open when auto-committed: ${auto}.`;
  const connect = 'by Connect after the connector has flushed the records to the external system';
  if (!page.groups) return `- **Offsets**: committed ${connect}, ${resumes}.`;
  return `- **Offsets**: ticked when committed after processing (a consumer group's manually, a sink connector's ${connect}), ${resumes}; open when a group's are auto-committed: ${auto}.`;
}
