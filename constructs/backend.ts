/** Renders an environment's declared backend for one stack; `{stack}` in keys and names becomes the stack's name. */
import { AzurermBackend, GcsBackend, HttpBackend, LocalBackend, NamedRemoteWorkspace, RemoteBackend, S3Backend, type TerraformStack } from './cdktf';
import { stackTemplate, type BackendDeclaration } from '../model/schema/backend';

/** Local state lives beside cdktf.out, never inside the generated tree (the path is relative to the stack directory). */
export const DEFAULT_LOCAL_STATE_PATH = '../../../terraform.{stack}.tfstate';

export function renderBackend(stack: TerraformStack, backend: BackendDeclaration, name: string): void {
  const t = (value: string): string => stackTemplate(value, name);
  switch (backend.type) {
    case 'local':
      new LocalBackend(stack, { path: t(backend.path ?? DEFAULT_LOCAL_STATE_PATH) });
      return;
    case 's3':
      new S3Backend(stack, {
        bucket: backend.bucket,
        key: t(backend.key ?? 'topicform/{stack}.tfstate'),
        region: backend.region,
        encrypt: backend.encrypt,
        ...(backend.dynamodbTable === undefined ? {} : { dynamodbTable: backend.dynamodbTable }),
        // cdktf 0.21's S3BackendConfig predates `use_lockfile`; its attributes are the props in snake case.
        ...({ useLockfile: backend.useLockfile } as object),
      });
      return;
    case 'gcs':
      new GcsBackend(stack, { bucket: backend.bucket, prefix: t(backend.prefix ?? 'topicform/{stack}') });
      return;
    case 'azurerm':
      new AzurermBackend(stack, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName,
        key: t(backend.key ?? 'topicform/{stack}.tfstate'),
      });
      return;
    case 'http':
      new HttpBackend(stack, {
        address: t(backend.address),
        ...(backend.lockAddress === undefined ? {} : { lockAddress: t(backend.lockAddress) }),
        ...(backend.unlockAddress === undefined ? {} : { unlockAddress: t(backend.unlockAddress) }),
      });
      return;
    case 'remote':
      new RemoteBackend(stack, {
        ...(backend.hostname === undefined ? {} : { hostname: backend.hostname }),
        organization: backend.organization,
        workspaces: new NamedRemoteWorkspace(t(backend.workspace)),
      });
      return;
  }
}
