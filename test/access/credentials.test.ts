/**
 * `topicform access --principal` lists the principal's SCRAM credential per environment that declares one: mechanism,
 * iterations, password version and the variable its password comes from, never a password.
 */
import { describe, expect, it } from 'vitest';
import { formatPrincipalReport } from '../../access/format';
import { principalReport } from '../../access/report';
import type { Topology } from '../../model/topology';
import { exampleTopologies } from '../artifacts/fixtures';

const topologies: readonly Topology[] = exampleTopologies();

describe('access report: SCRAM credentials', () => {
  it("lists prod's credential of order-service and none in dev, which declares no credentials", () => {
    const report = principalReport({ topologies }, 'User:order-service');
    const prod = topologies.find((t) => t.environment.name === 'prod')?.scramCredentials?.find((c) => c.principal === 'User:order-service');
    if (prod === undefined) throw new Error('the example prod environment declares no credential for order-service');
    expect(report.credentials).toEqual([
      {
        environment: 'prod',
        stack: null,
        mechanism: prod.mechanism,
        iterations: prod.iterations,
        passwordVersion: prod.passwordVersion,
        variable: prod.variable,
      },
    ]);
    const text = formatPrincipalReport(report, 'text');
    expect(text).toContain(
      `SCRAM credential (stack ?): ${prod.mechanism}, ${prod.iterations} iterations, password version ${prod.passwordVersion}, password from TF_VAR_${prod.variable}`,
    );
    expect(formatPrincipalReport(report, 'markdown')).toContain(`SCRAM credential (stack ?): ${prod.mechanism}`);
    expect(JSON.parse(formatPrincipalReport(report, 'json'))).toMatchObject({ credentials: report.credentials });
  });

  it('counts a principal that only has a credential as known', () => {
    const [prod] = topologies.filter((t) => t.environment.name === 'prod');
    if (prod === undefined) throw new Error('no prod example');
    const only: Topology = {
      ...prod,
      consumerGroups: [],
      producers: [],
      acls: [],
      quotas: [],
      streamsApplications: [],
      scramCredentials: (prod.scramCredentials ?? []).filter((c) => c.principal === 'User:order-service'),
    };
    const report = principalReport({ topologies: [only] }, 'User:order-service');
    expect(report.unknown).toBe(false);
    expect(formatPrincipalReport(report, 'text')).not.toContain('nothing');
  });
});
