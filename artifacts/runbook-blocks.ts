/**
 * The pieces every runbook page's shell blocks are made of (artifacts/runbook.ts for consumer groups,
 * artifacts/runbook-sinks.ts for sink connectors): fenced `sh` blocks wrapped to the runbook width, guards that stop a
 * pasted block when a variable is not set, and `NAME=value` blocks quoted for the shell.
 */
import { shellCommand } from './shell';

/** The shell helper the set-up block defines: kafka-consumer-groups.sh with the cluster's connection flags after the caller's. */
export const HELPER = 'kgroups';

/** A fenced `sh` block of commands, each given as its words, wrapped to the runbook width; `indent` for a list item. */
export function sh(commands: ReadonlyArray<readonly string[]>, indent = ''): string[] {
  return ['```sh', ...commands.flatMap((words) => shellCommand(words)), '```'].map((line) => (line === '' ? line : `${indent}${line}`));
}

/** `: "${NAME:?message}"`: stops a pasted block with the message when the variable is not set (one word, never wrapped). */
export function required(name: string, message: string): string[] {
  return [`: "\${${name}:?${message}}"`];
}

// No quote characters in these messages: bash reads quotes inside `${NAME:?message}` even within double quotes.
export const needGroup = required('GROUP', 'set GROUP: paste the GROUP block of the group section');
export const needTopic = required('TOPIC', 'set TOPIC: paste a TOPIC block of the group section');
export const needDlq = required('DLQ', 'set DLQ: paste a DLQ block of the group section');

/** `NAME=value`, quoted for the shell when the value holds anything but name characters. */
export function assign(name: string, value: string): string[] {
  return [`${name}=${/^[A-Za-z0-9._-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`}`];
}

/** How many dead letters there are and the first 20 of them, with an operator's credentials: `guard` checks `DLQ` is set. */
export function inspectDeadLetters(guard: readonly string[], indent: string): string[] {
  return sh(
    [
      guard,
      required('OPERATOR_CONFIG', 'set OPERATOR_CONFIG to the operator .properties file'),
      ['kafka-get-offsets.sh', '--topic', '"$DLQ"', '--bootstrap-server', '"$BOOTSTRAP"', '--command-config', '"$OPERATOR_CONFIG"'],
      [
        'kafka-console-consumer.sh',
        '--topic',
        '"$DLQ"',
        '--from-beginning',
        '--max-messages',
        '20',
        '--property',
        'print.timestamp=true',
        '--property',
        'print.key=true',
        '--property',
        'print.headers=true',
        '--bootstrap-server',
        '"$BOOTSTRAP"',
        '--consumer.config',
        '"$OPERATOR_CONFIG"',
      ],
    ],
    indent,
  );
}
