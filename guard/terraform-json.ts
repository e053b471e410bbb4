/**
 * The check of one stack's cdk.tf.json, parsed: only the blocks, types, attributes and values topicform writes
 * (allowlist.ts). Every problem is reported, each with its JSON path and the reason code; nothing stops at the first.
 */
import { isObject } from '../model/json-object';
import {
  ADDRESS,
  BACKENDS,
  COMMENT_KEY,
  DATA_SOURCES,
  LIFECYCLE_SETTINGS,
  META_ARGUMENTS,
  PROVIDER_LITERALS,
  PROVIDER_NAME,
  PROVIDER_REFERENCES,
  PROVIDER_SOURCES,
  PROVISIONER_KEYS,
  REFUSED_TOP_LEVEL,
  RESOURCES,
  SASL_MECHANISMS,
  SCRAM_PASSWORD_ATTRIBUTE,
  SCRAM_PASSWORD_VARIABLE,
  SCRAM_PASSWORD_VARIABLE_REQUIRED,
  SCRAM_PASSWORD_VARIABLE_TYPE,
  TEMPLATE,
  TERRAFORM_SETTINGS,
  TERRAFORM_VERSIONS,
  TOP_LEVEL_KEYS,
  VARIABLE_SETTINGS,
  VARIABLES,
} from './allowlist';
import { CONFLUENT_EXPRESSIONS, CONFLUENT_PROVIDER_NAME, CONFLUENT_PROVIDER_REFERENCES, CONFLUENT_PROVIDER_SOURCES, CONFLUENT_VARIABLES } from './allowlist';
import { scramPasswordVariable } from '../model/scram';
import {
  AWS_PROVIDER_NAME,
  AWS_PROVIDER_REFERENCES,
  AWS_PROVIDER_SOURCES,
  AWS_RESOURCES,
  AWS_VARIABLES,
  checkAwsAttribute,
  checkData,
  checkLocals,
  isClusterArnValidation,
} from './msk-iam';
import type { GuardCode } from './codes';

export type Report = (path: readonly PropertyKey[], code: GuardCode, message: string) => void;

type Json = Readonly<Record<string, unknown>>;

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));
const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

/** Checks a parsed cdk.tf.json; `remoteBackend` refuses a local or missing backend. */
export function checkStackJson(root: unknown, report: Report, options: { remoteBackend?: boolean } = {}): void {
  if (!isObject(root)) {
    report([], 'invalid-json', `expected a JSON object, got ${show(root)}`);
    return;
  }
  // An MSK IAM stack's role lookups and its split of the cluster ARN (guard/msk-iam.ts), each of exactly its shape.
  const roles = root.data === undefined ? new Set<string>() : checkData(root.data, report);
  checkLocals(root.locals, report);
  for (const key of Object.keys(root)) {
    if ((TOP_LEVEL_KEYS as readonly string[]).includes(key) || key === 'data' || key === 'locals') continue;
    const code = (REFUSED_TOP_LEVEL as Readonly<Record<string, GuardCode>>)[key];
    if (code === 'data-source') {
      const types = isObject(root.data) ? Object.keys(root.data) : [];
      report(
        [key],
        code,
        `data sources (${list(types)}) are not allowed: topicform writes ${DATA_SOURCES.length === 0 ? 'none' : list(DATA_SOURCES)}, and a data source such as "external" runs a program on the runner`,
      );
    } else if (code === 'module') {
      report([key], code, 'modules are not allowed: a module brings its own code and providers');
    } else if (code === 'output') {
      report([key], code, 'outputs are not allowed: topicform writes none');
    } else {
      report(
        [key],
        'top-level-key-not-allowed',
        `top-level "${key}" is not something topicform writes (allowed: ${TOP_LEVEL_KEYS.filter((k) => k !== COMMENT_KEY).join(', ')})`,
      );
    }
  }
  checkTerraform(root.terraform, report, options.remoteBackend === true);
  checkProviders(root.provider, report);
  checkVariables(root.variable, report);
  const addresses = checkResources(root.resource, report, roles);
  checkBlocks(root.import, 'import', ['to', 'id'], report, (block, path) => {
    addressIn(block.to, [...path, 'to'], report, addresses);
    literalString(block.id, [...path, 'id'], report);
  });
  checkBlocks(root.removed, 'removed', ['from', 'lifecycle'], report, (block, path) => {
    addressIn(block.from, [...path, 'from'], report);
    if (block.lifecycle !== undefined) {
      if (!isObject(block.lifecycle)) report([...path, 'lifecycle'], 'block-not-allowed', 'expected { "destroy": false }');
      else {
        for (const k of Object.keys(block.lifecycle)) {
          if (k !== 'destroy') report([...path, 'lifecycle', k], 'block-not-allowed', `"${k}" is not allowed in a removed block's lifecycle (only destroy)`);
        }
        if (block.lifecycle.destroy !== undefined && typeof block.lifecycle.destroy !== 'boolean') {
          report([...path, 'lifecycle', 'destroy'], 'block-not-allowed', 'expected true or false');
        }
      }
    }
  });
  checkBlocks(root.moved, 'moved', ['from', 'to'], report, (block, path) => {
    addressIn(block.from, [...path, 'from'], report);
    addressIn(block.to, [...path, 'to'], report, addresses);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// terraform { backend, required_providers }

function checkTerraform(value: unknown, report: Report, remoteBackend: boolean): void {
  if (value === undefined) {
    if (remoteBackend) report(['terraform'], 'local-backend', 'no backend: the state would live on the runner and be lost with it');
    return;
  }
  if (!isObject(value)) {
    report(['terraform'], 'terraform-setting-not-allowed', `expected an object, got ${show(value)}`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(TERRAFORM_SETTINGS as readonly string[]).includes(key)) {
      report(
        ['terraform', key],
        'terraform-setting-not-allowed',
        `terraform.${key} is not something topicform writes (it writes ${TERRAFORM_SETTINGS.filter((k) => k !== COMMENT_KEY).join(', ')})`,
      );
    }
  }
  if (value.required_version !== undefined && !TERRAFORM_VERSIONS.includes(value.required_version as string)) {
    report(
      ['terraform', 'required_version'],
      'terraform-setting-not-allowed',
      `required_version ${show(value.required_version)} is not a constraint topicform writes (${TERRAFORM_VERSIONS.map((v) => JSON.stringify(v)).join(', ')})`,
    );
  }
  checkBackend(value.backend, report, remoteBackend);
  const providers = value.required_providers;
  if (providers === undefined) return;
  if (!isObject(providers)) {
    report(['terraform', 'required_providers'], 'provider-not-allowed', `expected an object, got ${show(providers)}`);
    return;
  }
  for (const [name, requirement] of Object.entries(providers)) {
    const path = ['terraform', 'required_providers', name];
    if (name === COMMENT_KEY) continue;
    const source = isObject(requirement) ? requirement.source : requirement;
    const sources: readonly string[] =
      name === PROVIDER_NAME
        ? PROVIDER_SOURCES
        : name === AWS_PROVIDER_NAME
          ? AWS_PROVIDER_SOURCES
          : name === CONFLUENT_PROVIDER_NAME
            ? CONFLUENT_PROVIDER_SOURCES
            : [];
    if (typeof source !== 'string' || !sources.includes(source.toLowerCase())) {
      report(
        path,
        'provider-not-allowed',
        `provider "${name}" (${show(source)}) is not allowed: topicform uses only ${PROVIDER_NAME} = mongey/kafka (and ${AWS_PROVIDER_NAME} = hashicorp/aws for MSK IAM policies, ${CONFLUENT_PROVIDER_NAME} = confluentinc/confluent on Confluent Cloud)`,
      );
      continue;
    }
    if (!isObject(requirement)) continue;
    for (const [k, v] of Object.entries(requirement)) {
      if (k !== 'source' && k !== 'version') {
        report([...path, k], 'provider-not-allowed', `"${k}" is not something topicform writes in required_providers (source and version)`);
      } else literalString(v, [...path, k], report);
    }
  }
}

function checkBackend(value: unknown, report: Report, remoteBackend: boolean): void {
  const path = ['terraform', 'backend'];
  if (value === undefined) {
    if (remoteBackend) {
      report(
        path,
        'local-backend',
        'no backend: the state would live on the runner and be lost with it; set backend for the environment in environments.ts (s3, gcs, azurerm, http or remote)',
      );
    }
    return;
  }
  if (!isObject(value) || Object.keys(value).length !== 1) {
    report(path, 'backend-not-allowed', `expected one backend, got ${show(value)}`);
    return;
  }
  const [type = ''] = Object.keys(value);
  const allowed = BACKENDS[type];
  if (allowed === undefined) {
    report([...path, type], 'backend-not-allowed', `backend "${type}" is not one topicform writes (${Object.keys(BACKENDS).join(', ')})`);
    return;
  }
  if (type === 'local' && remoteBackend) {
    report(
      [...path, type],
      'local-backend',
      "a local backend: the state would live on the runner and be lost with it, and the next apply would create everything again. Set backend for the environment in environments.ts, e.g. backend: { type: 's3', bucket: 'acme-terraform-state', region: 'eu-west-1' }, and synthesize again",
    );
  }
  const settings = value[type];
  if (!isObject(settings)) {
    report([...path, type], 'backend-not-allowed', `expected an object, got ${show(settings)}`);
    return;
  }
  for (const [k, v] of Object.entries(settings)) {
    const at = [...path, type, k];
    if (!allowed.includes(k)) {
      report(
        at,
        'backend-not-allowed',
        `"${k}" is not a ${type} backend setting topicform writes (${allowed.join(', ')}); credentials and endpoints come from the backend's own environment variables`,
      );
    } else if (type === 'remote' && k === 'workspaces') {
      if (!isObject(v) || Object.keys(v).some((w) => w !== 'name')) report(at, 'backend-not-allowed', 'expected { "name": "<workspace>" }');
      else literalString(v.name, [...at, 'name'], report);
    } else if (type === 'local' && k === 'path' && typeof v === 'string' && (v.startsWith('/') || /^[A-Za-z]:/.test(v))) {
      report(at, 'backend-not-allowed', `an absolute state path (${show(v)}): topicform writes a path relative to the stack directory`);
    } else {
      scalar(v, at, report, 'backend-not-allowed');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// provider "kafka"

function checkProviders(value: unknown, report: Report): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    report(['provider'], 'provider-not-allowed', `expected an object, got ${show(value)}`);
    return;
  }
  for (const [name, configs] of Object.entries(value)) {
    if (name === COMMENT_KEY) continue;
    if (name === CONFLUENT_PROVIDER_NAME) {
      const blocks = Array.isArray(configs) ? (configs as unknown[]) : [configs];
      if (blocks.length !== 1) report(['provider', name], 'provider-not-allowed', `expected one provider block, got ${blocks.length}`);
      blocks.forEach((block, i) => checkConfluentProvider(block, Array.isArray(configs) ? ['provider', name, i] : ['provider', name], report));
      continue;
    }
    if (name !== PROVIDER_NAME && name !== AWS_PROVIDER_NAME) {
      report(
        ['provider', name],
        'provider-not-allowed',
        `provider "${name}" is not allowed: topicform configures only "${PROVIDER_NAME}" (and "${AWS_PROVIDER_NAME}" for MSK IAM policies, "${CONFLUENT_PROVIDER_NAME}" on Confluent Cloud)`,
      );
      continue;
    }
    const blocks = Array.isArray(configs) ? (configs as unknown[]) : [configs];
    if (blocks.length !== 1) report(['provider', name], 'provider-not-allowed', `expected one provider block, got ${blocks.length}`);
    const check = name === AWS_PROVIDER_NAME ? checkAwsProvider : checkProvider;
    blocks.forEach((block, i) => check(block, Array.isArray(configs) ? ['provider', name, i] : ['provider', name], report));
  }
}

/** The Confluent provider block: only references to topicform's variables, never a literal id, endpoint or key. */
function checkConfluentProvider(block: unknown, path: readonly PropertyKey[], report: Report): void {
  if (!isObject(block)) {
    report(path, 'provider-not-allowed', `expected an object, got ${show(block)}`);
    return;
  }
  for (const [k, v] of Object.entries(block)) {
    if (k === COMMENT_KEY) continue;
    const variable = CONFLUENT_PROVIDER_REFERENCES[k];
    if (variable === undefined) {
      report(
        [...path, k],
        'provider-attribute-not-allowed',
        `provider setting "${k}" is not something topicform writes (it writes ${Object.keys(CONFLUENT_PROVIDER_REFERENCES).join(', ')})`,
      );
    } else if (v !== `\${var.${variable}}`) {
      report(
        [...path, k],
        'provider-connection-literal',
        `${k} must be \${var.${variable}} (CI supplies it), got ${show(v)}: a literal would send the connection and its credentials where the pull request says`,
      );
    }
  }
}

function checkProvider(block: unknown, path: readonly PropertyKey[], report: Report): void {
  if (!isObject(block)) {
    report(path, 'provider-not-allowed', `expected an object, got ${show(block)}`);
    return;
  }
  for (const [k, v] of Object.entries(block)) {
    const at = [...path, k];
    if (k === COMMENT_KEY) continue;
    const variable = PROVIDER_REFERENCES[k];
    if (variable !== undefined) {
      if (v !== `\${var.${variable}}`) {
        report(
          at,
          'provider-connection-literal',
          `${k} must be \${var.${variable}} (CI supplies it), got ${show(v)}: a literal would send the connection and its credentials where the pull request says`,
        );
      }
      continue;
    }
    const type = (PROVIDER_LITERALS as Readonly<Record<string, string>>)[k];
    if (type === undefined) {
      report(
        at,
        'provider-attribute-not-allowed',
        `provider setting "${k}" is not something topicform writes (it writes ${[...Object.keys(PROVIDER_REFERENCES), ...Object.keys(PROVIDER_LITERALS)].join(', ')})`,
      );
    } else if (typeof v !== type) {
      report(at, 'provider-attribute-not-allowed', `expected a ${type}, got ${show(v)}`);
    } else if (k === 'sasl_mechanism' && !SASL_MECHANISMS.includes(v as string)) {
      report(
        at,
        'sasl-mechanism-not-allowed',
        `SASL mechanism ${show(v)} is not one topicform writes (${SASL_MECHANISMS.join(', ')})${String(v).toLowerCase() === 'plain' ? ': PLAIN sends the password itself to the broker' : ''}`,
      );
    }
  }
}

/** provider "aws": nothing, or the region and profile as references to the Kafka provider's variables. */
function checkAwsProvider(block: unknown, path: readonly PropertyKey[], report: Report): void {
  if (!isObject(block)) {
    report(path, 'provider-not-allowed', `expected an object, got ${show(block)}`);
    return;
  }
  for (const [k, v] of Object.entries(block)) {
    if (k === COMMENT_KEY) continue;
    const variable = AWS_PROVIDER_REFERENCES[k];
    if (variable === undefined) {
      report(
        [...path, k],
        'provider-attribute-not-allowed',
        `aws provider setting "${k}" is not something topicform writes (${Object.keys(AWS_PROVIDER_REFERENCES).join(', ')})`,
      );
    } else if (v !== `\${var.${variable}}`) {
      report([...path, k], 'provider-connection-literal', `${k} must be \${var.${variable}} (CI supplies it), got ${show(v)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// variable

function checkVariables(value: unknown, report: Report): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    report(['variable'], 'variable-not-allowed', `expected an object, got ${show(value)}`);
    return;
  }
  for (const [name, declaration] of Object.entries(value)) {
    if (name === COMMENT_KEY) continue;
    const path = ['variable', name];
    const scram = SCRAM_PASSWORD_VARIABLE.test(name);
    const type = scram ? SCRAM_PASSWORD_VARIABLE_TYPE : (VARIABLES[name] ?? AWS_VARIABLES[name] ?? (CONFLUENT_VARIABLES.includes(name) ? 'string' : undefined));
    if (type === undefined) {
      report(
        path,
        'variable-not-allowed',
        `variable "${name}" is not one topicform declares (${[...Object.keys(VARIABLES), ...Object.keys(AWS_VARIABLES), ...CONFLUENT_VARIABLES].join(', ')})`,
      );
      continue;
    }
    if (!isObject(declaration)) {
      report(path, 'variable-setting-not-allowed', `expected an object, got ${show(declaration)}`);
      continue;
    }
    for (const [k, v] of Object.entries(declaration)) {
      const at = [...path, k];
      if (k === COMMENT_KEY) continue;
      // The cluster ARN variable's own validation, exactly as topicform writes it (guard/msk-iam.ts).
      if (k === 'validation' && AWS_VARIABLES[name] !== undefined && isClusterArnValidation(v)) continue;
      if (!(VARIABLE_SETTINGS as readonly string[]).includes(k)) {
        report(
          at,
          'variable-setting-not-allowed',
          k === 'default'
            ? `a default (${show(v)}) is not allowed: it would supply a value CI did not`
            : `"${k}" is not a variable setting topicform writes (${VARIABLE_SETTINGS.join(', ')})`,
        );
      } else if (k === 'type' && v !== type) {
        report(at, 'variable-setting-not-allowed', `expected type ${type}, got ${show(v)}`);
      } else if ((k === 'nullable' || k === 'sensitive' || k === 'ephemeral') && typeof v !== 'boolean') {
        report(at, 'variable-setting-not-allowed', `expected true or false, got ${show(v)}`);
      } else if (k === 'description') {
        literalString(v, at, report);
      }
    }
    if (scram) {
      for (const k of SCRAM_PASSWORD_VARIABLE_REQUIRED) {
        if (declaration[k] !== true) {
          report([...path, k], 'credential-not-ephemeral', `a SCRAM password variable must be ${k} = true, got ${show(declaration[k])}`);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// resource

/** Checks every resource; returns the addresses declared (`kafka_topic.<name>`). `roles`: the role lookups declared. */
function checkResources(value: unknown, report: Report, roles: ReadonlySet<string>): Set<string> {
  const addresses = new Set<string>();
  if (value === undefined) return addresses;
  if (!isObject(value)) {
    report(['resource'], 'resource-type-not-allowed', `expected an object, got ${show(value)}`);
    return addresses;
  }
  // What an attachment may refer to: this stack's policies and role lookups.
  const declared = new Set<string>(roles);
  for (const [type, resources] of Object.entries(value)) if (isObject(resources)) for (const name of Object.keys(resources)) declared.add(`${type}.${name}`);
  for (const [type, resources] of Object.entries(value)) {
    if (type === COMMENT_KEY) continue;
    const attributes = RESOURCES[type] ?? AWS_RESOURCES[type];
    if (attributes === undefined) {
      report(
        ['resource', type],
        'resource-type-not-allowed',
        `resource type "${type}" is not one topicform writes (${[...Object.keys(RESOURCES), ...Object.keys(AWS_RESOURCES)].join(', ')})`,
      );
      continue;
    }
    if (!isObject(resources)) {
      report(['resource', type], 'resource-type-not-allowed', `expected an object of resources, got ${show(resources)}`);
      continue;
    }
    for (const [name, body] of Object.entries(resources)) {
      addresses.add(`${type}.${name}`);
      checkResource(type, attributes, body, ['resource', type, name], report, declared);
    }
  }
  return addresses;
}

function checkResource(
  type: string,
  attributes: readonly string[],
  body: unknown,
  path: readonly PropertyKey[],
  report: Report,
  declared: ReadonlySet<string>,
): void {
  if (!isObject(body)) {
    report(path, 'attribute-not-allowed', `expected an object, got ${show(body)}`);
    return;
  }
  for (const [k, v] of Object.entries(body)) {
    const at = [...path, k];
    if (k === COMMENT_KEY) continue;
    if ((PROVISIONER_KEYS as readonly string[]).includes(k)) {
      report(at, 'provisioner', `a ${k} is not allowed: it runs commands on the runner with the credentials`);
    } else if ((META_ARGUMENTS as readonly string[]).includes(k)) {
      report(at, 'meta-argument-not-allowed', `"${k}" is not something topicform writes`);
    } else if (k === 'lifecycle') {
      const allowed = LIFECYCLE_SETTINGS[type] ?? [];
      if (!isObject(v)) report(at, 'meta-argument-not-allowed', `expected an object, got ${show(v)}`);
      else {
        for (const [setting, value] of Object.entries(v)) {
          if (!allowed.includes(setting)) {
            report([...at, setting], 'meta-argument-not-allowed', `lifecycle "${setting}" is not something topicform writes (${list(allowed)})`);
          } else if (typeof value !== 'boolean') report([...at, setting], 'meta-argument-not-allowed', `expected true or false, got ${show(value)}`);
        }
      }
    } else if (!attributes.includes(k)) {
      report(at, 'attribute-not-allowed', `${type} attribute "${k}" is not something topicform writes (${attributes.join(', ')})`);
    } else if (checkAwsAttribute(type, k, v, at, report, declared)) {
      // an MSK IAM policy document or attachment reference, checked by guard/msk-iam.ts
    } else if (k === SCRAM_PASSWORD_ATTRIBUTE && type === 'kafka_user_scram_credential') {
      const expected = typeof body.username === 'string' ? `\${var.${scramPasswordVariable(body.username)}}` : undefined;
      if (expected === undefined || v !== expected) {
        report(
          at,
          'credential-not-ephemeral',
          `${k} must be ${expected ?? "the user's password variable"}, got ${typeof v === 'string' && v.startsWith('${var.') ? show(v) : 'another value (not shown)'}: anything else would put the password in the output, the plan or the state`,
        );
      }
    } else if (type.startsWith('confluent_') && CONFLUENT_EXPRESSIONS[k] !== undefined && typeof v === 'string' && v.includes('${')) {
      const pattern = CONFLUENT_EXPRESSIONS[k];
      if (!pattern.test(v)) {
        report(at, 'interpolation', `an expression in ${show(v)}: topicform writes only a created service account's id or the cluster CRN variables here`);
      }
    } else if (k === 'config') {
      if (!isObject(v)) report(at, 'attribute-not-allowed', `expected a map, got ${show(v)}`);
      else for (const [key, item] of Object.entries(v)) scalar(item, [...at, key], report, 'attribute-not-allowed');
    } else {
      scalar(v, at, report, 'attribute-not-allowed');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// import, removed, moved

function checkBlocks(value: unknown, name: string, keys: readonly string[], report: Report, check: (block: Json, path: readonly PropertyKey[]) => void): void {
  if (value === undefined) return;
  const blocks = Array.isArray(value) ? (value as unknown[]) : [value];
  blocks.forEach((block, i) => {
    const path = Array.isArray(value) ? [name, i] : [name];
    if (!isObject(block)) {
      report(path, 'block-not-allowed', `expected an object, got ${show(block)}`);
      return;
    }
    for (const k of Object.keys(block)) {
      if (k === COMMENT_KEY || keys.includes(k)) continue;
      report(
        [...path, k],
        (PROVISIONER_KEYS as readonly string[]).includes(k) ? 'provisioner' : 'block-not-allowed',
        `"${k}" is not something topicform writes in a ${name} block (${keys.join(', ')})`,
      );
    }
    check(block, path);
  });
}

function addressIn(value: unknown, path: readonly PropertyKey[], report: Report, declared?: ReadonlySet<string>): void {
  if (typeof value !== 'string' || !ADDRESS.test(value)) {
    report(path, 'block-not-allowed', `expected the address of a kafka_topic, kafka_acl, kafka_quota or kafka_user_scram_credential, got ${show(value)}`);
  } else if (declared !== undefined && !declared.has(value)) {
    report(path, 'block-not-allowed', `${value} is not a resource of this stack`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** A string, number or boolean, with no template in a string. */
function scalar(value: unknown, path: readonly PropertyKey[], report: Report, code: GuardCode): void {
  if (typeof value === 'string') literalString(value, path, report);
  else if (typeof value !== 'number' && typeof value !== 'boolean') report(path, code, `expected a string, number or boolean, got ${show(value)}`);
}

function literalString(value: unknown, path: readonly PropertyKey[], report: Report): void {
  if (typeof value !== 'string') {
    report(path, 'attribute-not-allowed', `expected a string, got ${show(value)}`);
  } else if (TEMPLATE.test(value)) {
    report(path, 'interpolation', `an expression in ${show(value)}: topicform writes literals here, and a function such as file() reads the runner`);
  }
}
