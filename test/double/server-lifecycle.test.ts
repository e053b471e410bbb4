// The go-plugin process contract of the double, checked without terraform: the magic cookie, the one-line
// handshake on stdout, the health check, Shutdown, SIGTERM, SIGINT ignored, and exiting when its parent goes away.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { DOUBLE_SERVER } from '../../scripts/terraform/workspace';

const { createSelfSignedCert } = createRequire(__filename)('./cert.cjs') as {
  createSelfSignedCert: () => { certPem: string; keyPem: string };
};

const MAGIC_COOKIE = { TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2', PLUGIN_PROTOCOL_VERSIONS: '5,6' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-double-lifecycle-'));
const env = { ...process.env, TMPDIR: tmp, KAFKA_DOUBLE_STATE: path.join(tmp, 'cluster.json') };

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  firstLine: string;
}

/** Starts the server and resolves with its first stdout line. */
function start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DOUBLE_SERVER, ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve({ child, firstLine: stdout.slice(0, newline) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`server exited with ${String(code)} before printing a line`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function reattachAddress(line: string): { socket: string; pid: number } {
  const match = /^TF_REATTACH_PROVIDERS='(.*)'$/.exec(line);
  if (!match?.[1]) throw new Error(`not a reattach line: ${line}`);
  const entry = (JSON.parse(match[1]) as Record<string, { Pid: number; Addr: { String: string } }>)['registry.terraform.io/mongey/kafka'];
  if (!entry) throw new Error(`no mongey/kafka entry in ${line}`);
  return { socket: entry.Addr.String, pid: entry.Pid };
}

/** One unary call with raw protobuf bytes, so the test needs no .proto of its own. */
function callRaw(socket: string, method: string, request: Buffer): Promise<Buffer> {
  const client = new grpc.Client(`unix:${socket}`, grpc.credentials.createInsecure());
  return new Promise<Buffer>((resolve, reject) => {
    client.makeUnaryRequest(
      method,
      (bytes: Buffer) => bytes,
      (bytes: Buffer) => bytes,
      request,
      (error, response) => {
        client.close();
        if (error) reject(error);
        else resolve(response ?? Buffer.alloc(0));
      },
    );
  });
}

describe('the provider double as a go-plugin process', () => {
  it("refuses to run without go-plugin's magic cookie and prints nothing on stdout", async () => {
    const child = spawn(process.execPath, [DOUBLE_SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

    expect(await exited(child)).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('This binary is a plugin');
  });

  it('prints one handshake line and serves the health check over mutual TLS when terraform sets PLUGIN_CLIENT_CERT', async () => {
    const terraformSide = createSelfSignedCert(); // stands in for terraform's client certificate
    const { child, firstLine } = await start([], { ...MAGIC_COOKIE, PLUGIN_CLIENT_CERT: terraformSide.certPem });
    try {
      const [core, app, network, socket, protocol, cert] = firstLine.split('|');
      expect([core, app, network, protocol]).toEqual(['1', '5', 'unix', 'grpc']);
      expect(socket?.startsWith(tmp)).toBe(true);
      // Go's RawStdEncoding: standard base64 without padding.
      const der = Buffer.from(cert ?? '', 'base64');
      expect(cert).toMatch(/^[A-Za-z0-9+/]{50,}$/);
      const serverCert = new X509Certificate(der);
      expect(serverCert.subjectAltName).toBe('DNS:localhost');

      const credentials = grpc.credentials.createSsl(Buffer.from(serverCert.toString()), Buffer.from(terraformSide.keyPem), Buffer.from(terraformSide.certPem));
      const client = new grpc.Client(`unix:${socket ?? ''}`, credentials, {
        'grpc.ssl_target_name_override': 'localhost',
        'grpc.default_authority': 'localhost',
      });
      const response = await new Promise<Buffer>((resolve, reject) => {
        // grpc.health.v1.HealthCheckRequest{service: "plugin"} -> HealthCheckResponse{status: SERVING}
        const request = Buffer.from([0x0a, 0x06, ...Buffer.from('plugin')]);
        client.makeUnaryRequest(
          '/grpc.health.v1.Health/Check',
          (b: Buffer) => b,
          (b: Buffer) => b,
          request,
          (error, value) => {
            client.close();
            if (error) reject(error);
            else resolve(value ?? Buffer.alloc(0));
          },
        );
      });
      expect(response.toString('hex')).toBe('0801');

      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
      expect(fs.existsSync(socket ?? '')).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('prints TF_REATTACH_PROVIDERS in reattach mode, ignores SIGINT, and exits on GRPCController.Shutdown', async () => {
    const { child, firstLine } = await start(['--reattach']);
    try {
      const { socket, pid } = reattachAddress(firstLine);
      expect(pid).toBe(child.pid);

      child.kill('SIGINT');
      expect((await callRaw(socket, '/grpc.health.v1.Health/Check', Buffer.alloc(0))).toString('hex')).toBe('0801');

      await callRaw(socket, '/plugin.GRPCController/Shutdown', Buffer.alloc(0));
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits when its parent process goes away, so a crashed terraform leaves no orphan', async () => {
    // A shell starts the double in the background, waits for its handshake line, prints its pid and exits: the
    // double is re-parented.
    const line = path.join(tmp, 'orphan-line');
    const script = `${JSON.stringify(process.execPath)} ${JSON.stringify(DOUBLE_SERVER)} --reattach >"${line}" 2>/dev/null & pid=$!
while [ ! -s "${line}" ]; do sleep 0.05; done
echo $pid`;
    const shell = spawn('/bin/sh', ['-c', script], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    shell.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await exited(shell);
    const pid = Number(output.trim());
    expect(pid).toBeGreaterThan(0);

    await expect.poll(() => isRunning(pid), { timeout: 5_000, interval: 100 }).toBe(false);
  });
});

/** Alive and not a zombie (a container's init may never reap an orphan that exited). */
function isRunning(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (fs.existsSync('/proc/self/stat')) {
    if (!fs.existsSync(stat)) return false;
    const state = fs
      .readFileSync(stat, 'utf8')
      .replace(/^.*\) /s, '')
      .charAt(0);
    return state !== 'Z';
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
