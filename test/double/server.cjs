#!/usr/bin/env node
// @ts-check
'use strict';
// Test double of the Terraform provider registry.terraform.io/mongey/kafka 0.13.1 (README.md in this folder).
// It is a go-plugin gRPC server speaking tfplugin5, so the real terraform binary can run init/validate/plan/apply/
// import offline against a "cluster" kept in the JSON file named by env KAFKA_DOUBLE_STATE.
//
// Managed mode (terraform starts it, through an `exec node server.cjs` launcher in a filesystem mirror):
//   checks go-plugin's magic cookie, serves on a unix socket with AutoMTLS, prints the handshake line
//   `1|5|unix|<socket>|grpc|<server cert>` on stdout, and exits on GRPCController.Shutdown, SIGTERM or when its
//   parent (terraform) goes away.
// Reattach mode (`node server.cjs --reattach`): plaintext, prints `TF_REATTACH_PROVIDERS='<json>'` on stdout and
//   serves every terraform command started with that variable until it is killed.
// stdout carries only that one line: anything else there breaks the handshake. Logs go to stderr (terraform shows
// them with TF_LOG=debug); set KAFKA_DOUBLE_DEBUG=1 to log every RPC.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const USAGE = `usage: node test/double/server.cjs [--reattach]

Stand-in for the Terraform provider registry.terraform.io/mongey/kafka 0.13.1 (tests only).
  (no option)   go-plugin managed mode: terraform starts it through a filesystem-mirror launcher
  --reattach    start on its own and print TF_REATTACH_PROVIDERS for terraform commands to use
Environment: KAFKA_DOUBLE_STATE (cluster JSON file, required for plan/apply), KAFKA_DOUBLE_DEBUG=1 (log RPCs),
  KAFKA_DOUBLE_SCHEMA (schema JSON; default provider-schema/mongey-kafka.schema.json of this repository).
`;

const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';
const PROTOCOL_VERSION = 5; // tfplugin5, as the real (SDKv2) provider
const DEBUG = Boolean(process.env.KAFKA_DOUBLE_DEBUG);

/** @param {string} message */
const log = (message) => process.stderr.write(`[kafka-double ${process.pid}] ${message}\n`);

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const reattach = args.includes('--reattach');
  if (!reattach && process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    // go-plugin's own words for a plugin binary run by hand.
    process.stderr.write(
      'This binary is a plugin. These are not meant to be executed directly.\n' +
        'Please execute the program that consumes these plugins, which will load any plugins automatically\n' +
        USAGE,
    );
    process.exit(1);
  }
  const offered = (process.env.PLUGIN_PROTOCOL_VERSIONS ?? String(PROTOCOL_VERSION)).split(',').map(Number);
  if (!reattach && !offered.includes(PROTOCOL_VERSION)) {
    process.stderr.write(`terraform offers plugin protocols ${offered.join(',')}; this double speaks only ${PROTOCOL_VERSION}\n`);
    process.exit(1);
  }

  // Loaded only now, so --help and the cookie check stay instant.
  const grpc = require('@grpc/grpc-js');
  // Started by terraform for one command: the cluster file may be kept between reads (cluster.cjs, `cached`).
  if (!reattach) require('./cluster.cjs').cacheCluster();
  const { services } = require('./services.cjs');

  const socketPath = path.join(os.tmpdir(), `plugin${crypto.randomBytes(8).toString('hex')}`);
  const server = new grpc.Server();
  let exiting = false;
  const exit = (/** @type {number} */ code) => {
    if (exiting) return;
    exiting = true;
    server.forceShutdown();
    fs.rmSync(socketPath, { force: true });
    process.exit(code);
  };
  for (const { definition, implementation } of services({ log: DEBUG ? log : undefined, shutdown: () => setTimeout(() => exit(0), 10) })) {
    server.addService(definition, implementation);
  }

  let credentials = grpc.ServerCredentials.createInsecure();
  let certField = '';
  const clientCert = process.env.PLUGIN_CLIENT_CERT;
  if (!reattach && clientCert) {
    // AutoMTLS: serve our own self-signed cert and accept only terraform's client cert (terraform-double.md 4.2).
    const { createSelfSignedCert } = require('./cert.cjs');
    const cert = createSelfSignedCert();
    credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(clientCert),
      [{ private_key: Buffer.from(cert.keyPem), cert_chain: Buffer.from(cert.certPem) }],
      true,
    );
    certField = cert.certDer.toString('base64').replace(/=+$/, ''); // Go's RawStdEncoding: no padding
  }

  server.bindAsync(`unix:${socketPath}`, credentials, (bindError) => {
    if (bindError) {
      log(`cannot listen on ${socketPath}: ${bindError.message}`);
      exit(1);
      return;
    }
    if (reattach) {
      const providers = {
        [require('./personality.cjs').PERSONALITY.address]: {
          Protocol: 'grpc',
          ProtocolVersion: PROTOCOL_VERSION,
          Pid: process.pid,
          // Test: terraform never shuts a reattached test provider down; whoever started it ends it.
          Test: true,
          Addr: { Network: 'unix', String: socketPath },
        },
      };
      process.stdout.write(`TF_REATTACH_PROVIDERS='${JSON.stringify(providers)}'\n`);
    } else {
      process.stdout.write(`1|${PROTOCOL_VERSION}|unix|${socketPath}|grpc|${certField}\n`);
    }
  });

  // go-plugin plugins ignore SIGINT: terraform forwards Ctrl-C as a Stop RPC and shuts the plugin down itself.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => exit(0));
  // A crashed terraform must not leave an orphan behind: exit when we are re-parented.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) exit(0);
  }, 500).unref();
}

main();
