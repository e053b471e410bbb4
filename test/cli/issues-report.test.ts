import { describe, expect, it } from 'vitest';
import { formatIssueReport, type EnvironmentIssue } from '../../cli/issues-report';

describe('formatIssueReport', () => {
  it('prints one problem once, naming each environment it occurs in once', () => {
    const issue = (environment: string): EnvironmentIssue => ({
      environment,
      source: { path: `${environment}/orders/order-created`, file: 'topics/orders.ts', line: 12 },
      path: 'partitions',
      code: 'schema-too_small',
      message: 'must be at least 1',
    });
    // The same problem reported twice for staging (by the environment, and again by a stack of it).
    expect(formatIssueReport([issue('staging'), issue('dev'), issue('staging')])).toEqual([
      'error: topics/orders.ts:12 › orders/order-created › partitions: must be at least 1 [dev, staging]',
    ]);
  });
});
