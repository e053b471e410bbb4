/**
 * Attaches model issues to the construct they are about, so cdktf's validation names the construct path and nothing is
 * synthesized while any error stands. Warnings become annotations with their code, visible in the manifest.
 */
import { Annotations, type IConstruct } from './cdktf';
import { formatIssue, type Issue } from '../model/issues';

export function attachIssues(construct: IConstruct, issues: readonly Issue[]): void {
  const errors = issues.filter((i) => (i.severity ?? 'error') === 'error');
  for (const warning of issues.filter((i) => i.severity === 'warning')) {
    Annotations.of(construct).addWarning(`[${warning.code}] ${formatIssue(warning)}`);
  }
  if (errors.length > 0) {
    construct.node.addValidation({ validate: () => errors.map(formatIssue) });
  }
}
