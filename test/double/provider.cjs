// @ts-check
'use strict';
// The tfplugin5.Provider RPCs: each handler takes the decoded request message and returns the response message.
// Resource behaviour lives in resources/ (the Kafka provider) and aws/ (the hashicorp/aws subset, `--provider=aws`);
// this file only decodes values, dispatches and encodes the answers.
const { CLUSTER_ENV } = require('./cluster.cjs');
const { error, DiagnosticsError, attributePath } = require('./diagnostics.cjs');
const { fromDynamicValue, toDynamicValue } = require('./msgpack-values.cjs');
const { conform, getSchemaResponse, writeOnlyAttributes } = require('./schema.cjs');
const { SERVED } = require('./served.cjs');

/**
 * @typedef {{
 *   resourceTypes: Record<string, import('./resources/index.cjs').ResourceType>,
 *   readers: Record<string, (config: Record<string, any>) => Record<string, any>>,
 *   configure: (config: Record<string, any>) => import('./diagnostics.cjs').Diagnostic[],
 * }} ProviderImplementation
 */

/** @type {ProviderImplementation} */
const implementation =
  SERVED.name === 'aws'
    ? require('./aws/index.cjs')
    : {
        resourceTypes: require('./resources/index.cjs').resourceTypes,
        readers: require('./resources/data-sources.cjs').readers,
        // The Confluent subset's resource types live in the same registry; its provider block is checked by its own rule.
        configure: SERVED.name === 'confluent' ? require('./resources/confluent-provider.cjs').configureConfluent : configureKafka,
      };
const { resourceTypes, readers } = implementation;

/** @typedef {Record<string, any>} Message */

/** @param {string} typeName */
function resourceType(typeName) {
  const type = resourceTypes[typeName];
  if (!type) throw new DiagnosticsError([error(`the ${SERVED.label} does not implement resource type ${typeName}`)]);
  return type;
}

/** Null stays null; an object gets exactly the schema's attributes and no write-only value. @param {string} typeName @param {Message | null} state */
function resourceState(typeName, state) {
  if (state === null) return null;
  const conformed = conform('resource', typeName, state);
  for (const name of writeOnlyAttributes(typeName)) conformed[name] = null;
  return conformed;
}

const SASL_MECHANISMS = ['plain', 'scram-sha256', 'scram-sha512', 'aws-iam', 'oauthbearer'];

/**
 * The Kafka provider's ConfigureFunc checks sasl_mechanism (and, for aws-iam, that a region is known); the client
 * itself is lazy and connects on first use.
 * @param {Record<string, any>} config @returns {import('./diagnostics.cjs').Diagnostic[]}
 */
function configureKafka(config) {
  const diagnostics = [];
  const mechanism = config.sasl_mechanism;
  if (typeof mechanism === 'string' && !SASL_MECHANISMS.includes(mechanism)) {
    // an unknown value is an ExtData, not a string
    diagnostics.push(
      error(`Invalid sasl mechanism "${mechanism}": can only be ${SASL_MECHANISMS.map((m) => `"${m}"`).join(', ')}`, { path: ['sasl_mechanism'] }),
    );
  }
  if (mechanism === 'aws-iam' && (config.sasl_aws_region === null || config.sasl_aws_region === undefined || config.sasl_aws_region === '')) {
    // The real provider reads KAFKA_SASL_IAM_AWS_REGION, then AWS_REGION, and calls log.Fatalf without either (NOTES.md).
    if (!process.env.KAFKA_SASL_IAM_AWS_REGION && !process.env.AWS_REGION) {
      diagnostics.push(
        error('aws-iam needs a region: set sasl_aws_region, KAFKA_SASL_IAM_AWS_REGION or AWS_REGION', {
          detail: 'The Mongey provider exits (log.Fatalf) when sasl_mechanism is "aws-iam" and no region is known.',
          path: ['sasl_aws_region'],
        }),
      );
    }
  }
  if (!process.env[CLUSTER_ENV]) {
    diagnostics.push(error(`${CLUSTER_ENV} is not set`, { detail: 'The Kafka provider double keeps its cluster in the JSON file that this variable names.' }));
  }
  return diagnostics;
}

/** @type {Record<string, (request: Message) => Message>} */
const handlers = {
  GetSchema: () => getSchemaResponse(),

  // v5 echoes the config back as prepared_config; SDKv2 would insert defaults here, strict mode does not.
  PrepareProviderConfig: (request) => ({ prepared_config: request.config }),

  ValidateResourceTypeConfig(request) {
    const config = fromDynamicValue(request.config);
    return { diagnostics: config === null ? [] : resourceType(request.type_name).validate(config) };
  },

  ValidateDataSourceConfig: () => ({ diagnostics: [] }),

  Configure(request) {
    return { diagnostics: implementation.configure(fromDynamicValue(request.config) ?? {}) };
  },

  UpgradeResourceState(request) {
    const type = resourceType(request.type_name);
    const json = request.raw_state?.json;
    if (!json || json.length === 0) {
      throw new DiagnosticsError([error(`the ${SERVED.label} cannot upgrade a flatmap (pre-0.12) state`)]);
    }
    const stored = JSON.parse(Buffer.from(json).toString('utf8'));
    const upgraded = type.upgrade ? type.upgrade(Number(request.version ?? 0), stored) : stored;
    return { upgraded_state: toDynamicValue(resourceState(request.type_name, upgraded)) };
  },

  ReadResource(request) {
    const current = fromDynamicValue(request.current_state);
    const next = current === null ? null : resourceType(request.type_name).read(current);
    return { new_state: toDynamicValue(resourceState(request.type_name, next)), private: request.private };
  },

  PlanResourceChange(request) {
    const { planned, requiresReplace } = resourceType(request.type_name).plan({
      prior: fromDynamicValue(request.prior_state),
      proposed: fromDynamicValue(request.proposed_new_state),
      config: fromDynamicValue(request.config),
    });
    return {
      planned_state: toDynamicValue(planned),
      requires_replace: requiresReplace.map(attributePath),
      planned_private: request.prior_private,
    };
  },

  ApplyResourceChange(request) {
    const prior = fromDynamicValue(request.prior_state);
    try {
      const next = resourceType(request.type_name).apply({
        prior,
        planned: fromDynamicValue(request.planned_state),
        config: fromDynamicValue(request.config),
      });
      return { new_state: toDynamicValue(resourceState(request.type_name, next)), private: request.planned_private };
    } catch (cause) {
      // As SDKv2 does, a failed apply keeps the prior object (null for a failed create), so state stays truthful.
      if (cause instanceof DiagnosticsError) return { new_state: toDynamicValue(prior), diagnostics: cause.diagnostics };
      throw cause;
    }
  },

  ImportResourceState(request) {
    const state = resourceState(request.type_name, resourceType(request.type_name).importState(request.id));
    return { imported_resources: [{ type_name: request.type_name, state: toDynamicValue(state) }] };
  },

  ReadDataSource(request) {
    const read = readers[request.type_name];
    if (!read) throw new DiagnosticsError([error(`the ${SERVED.label} does not implement data source ${request.type_name}`)]);
    const state = conform('data_source', request.type_name, read(fromDynamicValue(request.config) ?? {}));
    return { state: toDynamicValue(state) };
  },

  // Only sent on interrupt; every operation of the double is synchronous, so there is nothing to cancel.
  Stop: () => ({ Error: '' }),
};

/**
 * Runs a handler and turns any failure into error diagnostics, the form terraform shows to the user.
 * @param {string} method @param {Message} request @returns {Message}
 */
function handle(method, request) {
  const handler = handlers[method];
  if (!handler) throw new Error(`no handler for ${method}`);
  try {
    return handler(request);
  } catch (cause) {
    if (cause instanceof DiagnosticsError) return { diagnostics: cause.diagnostics };
    const message = cause instanceof Error ? cause.message : String(cause);
    return { diagnostics: [error(`${SERVED.label} failed in ${method}: ${message}`, { detail: cause instanceof Error ? String(cause.stack) : '' })] };
  }
}

module.exports = { handle, methods: Object.keys(handlers) };
