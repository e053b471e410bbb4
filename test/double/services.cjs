// @ts-check
'use strict';
// The gRPC services go-plugin and terraform expect on the one server (terraform-double.md 4.3): tfplugin5.Provider,
// the health check, the controller (Shutdown) and the stdio stream. GRPCBroker is left out: terraform ignores its
// Unimplemented error.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const { handle, methods } = require('./provider.cjs');

const PROTO_DIR = path.join(__dirname, 'proto');
const SERVING = 1;

/**
 * @param {{ log?: (message: string) => void, shutdown: () => void }} hooks
 * @returns {{ definition: import('@grpc/grpc-js').ServiceDefinition, implementation: import('@grpc/grpc-js').UntypedServiceImplementation }[]}
 */
function services({ log, shutdown }) {
  const definitions = protoLoader.loadSync(['tfplugin5.proto', 'go-plugin.proto', 'health.proto'], {
    includeDirs: [PROTO_DIR],
    keepCase: true, // field names as in the .proto, the names the handlers use
    longs: Number,
    enums: Number,
    defaults: false,
    oneofs: true,
  });
  /** @param {string} name */
  const service = (name) => /** @type {import('@grpc/grpc-js').ServiceDefinition} */ (/** @type {unknown} */ (definitions[name]));

  /** @type {import('@grpc/grpc-js').UntypedServiceImplementation} */
  const provider = {};
  for (const method of methods) {
    provider[method] = (/** @type {any} */ call, /** @type {any} */ callback) => {
      if (log) log(`${method} ${call.request.type_name ?? ''}`);
      try {
        callback(null, handle(method, call.request));
      } catch (cause) {
        callback({ code: grpc.status.INTERNAL, details: cause instanceof Error ? cause.message : String(cause) });
      }
    };
  }

  return [
    { definition: service('tfplugin5.Provider'), implementation: provider },
    {
      definition: service('grpc.health.v1.Health'),
      implementation: {
        Check: (/** @type {any} */ _call, /** @type {any} */ callback) => callback(null, { status: SERVING }),
        // Keep the watch open, as a serving plugin would.
        Watch: (/** @type {any} */ call) => call.write({ status: SERVING }),
      },
    },
    {
      definition: service('plugin.GRPCController'),
      implementation: {
        Shutdown: (/** @type {any} */ _call, /** @type {any} */ callback) => {
          if (log) log('Shutdown');
          callback(null, {});
          shutdown();
        },
      },
    },
    {
      // Terraform opens this right after connecting and expects it to stay open; the double writes nothing to it.
      definition: service('plugin.GRPCStdio'),
      implementation: { StreamStdio: () => {} },
    },
  ];
}

module.exports = { services };
