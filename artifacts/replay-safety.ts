/**
 * The replay procedure's lines for a reader's replay-safety statement (model/schema/replay-safety.ts): checked when the
 * declaration states how the precondition is met, unchecked (a person must confirm) when it does not, or states that
 * it is not met. Shared by every reader kind's runbook.
 */
import type { ReplaySafety } from '../model/schema';
import type { ResolvedEventTopic } from '../model/topology';

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
    // The text runbooks had before readers could make a statement: a reader without one reads as it did.
    return [
      {
        ok: false,
        text: '**Deterministic processing**: not something declarations can show. Confirm that processing an event again gives the same result: no wall clock, random ids, or reads of state that changed since the event.',
      },
      {
        ok: false,
        text: `**Controlled external side effects**: confirm that what ${code(service)} does outside Kafka (payments, e-mails, calls to other services) is deduplicated or switched off for the replay.`,
      },
    ];
  }
  const deterministic: ReplayCheck = statement.deterministic
    ? { ok: true, text: '**Deterministic processing**: declared: processing an event again gives the same result.' }
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
