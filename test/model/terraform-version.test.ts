/**
 * Which Terraform a stack's output needs (model/terraform-version.ts): 1.11 exactly when the stack uses S3 native
 * locking or ephemeral credential variables, nothing otherwise, so an older terraform stops at init with a clear
 * message only where it would otherwise fail. No model test reached this (mutation testing: no coverage).
 */
import { describe, expect, it } from 'vitest';

import { REQUIRED_TERRAFORM_VERSIONS, requiredTerraformVersion, TARGET_VERSIONS_1_11, TERRAFORM_1_11 } from '../../model/terraform-version';
import { authSchema, type AuthDeclaration } from '../../model/schema/auth';
import { backendSchema, type BackendDeclaration } from '../../model/schema/backend';
import { scramCredentialsSchema } from '../../model/schema/credentials';

const s3 = (useLockfile: boolean): BackendDeclaration => backendSchema.parse({ type: 's3', bucket: 'state', region: 'eu-west-1', useLockfile });
const auth = (secrets: 'environment' | 'variables'): AuthDeclaration => authSchema.parse({ secrets });

describe('requiredTerraformVersion', () => {
  it('states >= 1.11 for an S3 backend with its lock file (the default)', () => {
    expect(requiredTerraformVersion(backendSchema.parse({ type: 's3', bucket: 'state', region: 'eu-west-1' }), undefined)).toBe('>= 1.11');
    expect(requiredTerraformVersion(s3(true), auth('environment'))).toBe('>= 1.11');
  });

  it('states >= 1.11 for credentials read from ephemeral Terraform variables, whatever the backend', () => {
    expect(requiredTerraformVersion(backendSchema.parse({ type: 'local' }), auth('variables'))).toBe('>= 1.11');
    expect(requiredTerraformVersion(s3(false), auth('variables'))).toBe('>= 1.11');
  });

  it('states nothing when the stack uses neither', () => {
    expect(requiredTerraformVersion(s3(false), auth('environment'))).toBeUndefined();
    expect(requiredTerraformVersion(s3(false), undefined)).toBeUndefined();
    expect(requiredTerraformVersion(backendSchema.parse({ type: 'local' }), undefined)).toBeUndefined();
    expect(requiredTerraformVersion(backendSchema.parse({ type: 'gcs', bucket: 'state' }), auth('environment'))).toBeUndefined();
  });

  it('is one of the constraints the guard accepts, and the CDK Terrain context says the same version', () => {
    expect(REQUIRED_TERRAFORM_VERSIONS).toEqual([TERRAFORM_1_11]);
    expect(TARGET_VERSIONS_1_11).toEqual({ terraform: '>=1.11.0', opentofu: '>=1.11.0' });
  });

  it('states >= 1.11 for SCRAM credentials, written with write-only attributes, only when some principal has one', () => {
    const local = backendSchema.parse({ type: 'local' });
    expect(requiredTerraformVersion(local, undefined, scramCredentialsSchema.parse({ principals: { 'User:order-service': {} } }))).toBe('>= 1.11');
    expect(requiredTerraformVersion(local, undefined, scramCredentialsSchema.parse({}))).toBeUndefined();
  });
});
