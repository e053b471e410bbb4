// @ts-check
'use strict';
// Self-signed TLS certificate for go-plugin AutoMTLS (terraform-double.md 4.2). node:crypto makes keys and
// signatures but not certificates, and a dependency (node-forge, @peculiar/x509) would cost more start-up time than
// these few lines of DER. The certificate mirrors go-plugin's own: O=HashiCorp, CN=localhost, SAN DNS:localhost,
// CA:true, key usage digitalSignature|keyEncipherment|keyAgreement|keyCertSign, EKU clientAuth+serverAuth; terraform
// pins exactly this certificate (it is the only root it trusts) and dials with ServerName "localhost".
const crypto = require('node:crypto');

/** @param {number} length */
function derLength(length) {
  if (length < 0x80) return Buffer.from([length]);
  const bytes = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** @param {number} tag @param {...Buffer} parts */
function tlv(tag, ...parts) {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const seq = (/** @type {Buffer[]} */ ...parts) => tlv(0x30, ...parts);
const set = (/** @type {Buffer[]} */ ...parts) => tlv(0x31, ...parts);
const octets = (/** @type {Buffer} */ body) => tlv(0x04, body);
const bitString = (/** @type {Buffer} */ body, unusedBits = 0) => tlv(0x03, Buffer.from([unusedBits]), body);
const utf8 = (/** @type {string} */ text) => tlv(0x0c, Buffer.from(text, 'utf8'));
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

/** @param {string} dotted */
function oid(dotted) {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups = [];
    for (let n = arc; ; n = Math.floor(n / 128)) {
      groups.unshift(n % 128);
      if (n < 128) break;
    }
    bytes.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime is valid to 2049, far beyond any test run. @param {Date} date */
function utcTime(date) {
  const iso = date.toISOString(); // 2025-01-02T03:04:05.678Z
  const text = iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

/** @param {string} extnId @param {boolean} critical @param {Buffer} value */
const extension = (extnId, critical, value) => seq(oid(extnId), ...(critical ? [TRUE] : []), octets(value));

/**
 * A positive serial number in minimal DER: the high bit clear (else it reads as negative) and the first byte never 0
 * (a leading 0x00 before a byte < 0x80 is padding, which OpenSSL refuses with "illegal padding"; the double then
 * exits before its handshake line, 1 start in 256 with plain random bytes).
 * @param {Buffer} random 16 random bytes; not modified
 */
function serialNumber(random) {
  const serial = Buffer.from(random);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  return serial;
}

/**
 * Makes a fresh P-256 key and a self-signed certificate for "localhost".
 * @param {Buffer} [random] the 16 random bytes the serial number is made from (tests pass their own)
 * @returns {{ certDer: Buffer, certPem: string, keyPem: string }}
 */
function createSelfSignedCert(random = crypto.randomBytes(16)) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.10'), utf8('HashiCorp'))), set(seq(oid('2.5.4.3'), utf8('localhost'))));
  const serial = serialNumber(random);
  const now = Date.now();
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // version v3
    tlv(0x02, serial),
    ecdsaWithSha256,
    name,
    seq(utcTime(new Date(now - 30_000)), utcTime(new Date(now + 365 * 24 * 3600_000))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(
      0xa3,
      seq(
        // keyUsage bits 0 (digitalSignature), 2 (keyEncipherment), 4 (keyAgreement), 5 (keyCertSign): 0xAC, 2 unused bits
        extension('2.5.29.15', true, bitString(Buffer.from([0xac]), 2)),
        extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.5.5.7.3.1'))),
        extension('2.5.29.19', true, seq(TRUE)),
        extension('2.5.29.17', false, seq(tlv(0x82, Buffer.from('localhost', 'ascii')))),
      ),
    ),
  );
  const signature = crypto.sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const certDer = seq(tbs, ecdsaWithSha256, bitString(signature));
  const base64Lines = certDer.toString('base64').match(/.{1,64}/g) ?? [];
  const certPem = `-----BEGIN CERTIFICATE-----\n${base64Lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  const keyPem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { certDer, certPem, keyPem };
}

module.exports = { createSelfSignedCert };
