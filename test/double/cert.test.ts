// The AutoMTLS certificate: terraform pins it as the only root and dials ServerName "localhost", so it must be a
// self-signed CA certificate for localhost that may serve TLS. Runs without terraform.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const { createSelfSignedCert } = createRequire(__filename)('./cert.cjs') as {
  createSelfSignedCert: (random?: Buffer) => { certDer: Buffer; certPem: string; keyPem: string };
};

describe("the double's self-signed TLS certificate", () => {
  const cert = createSelfSignedCert();
  const x509 = new X509Certificate(cert.certPem);

  it('is issued to and by localhost, and verifies with its own key', () => {
    expect(x509.subject).toBe('O=HashiCorp\nCN=localhost');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.subjectAltName).toBe('DNS:localhost');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.verify(x509.publicKey)).toBe(true);
  });

  it('is a CA that may serve and request TLS, valid now', () => {
    expect(x509.ca).toBe(true);
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2', '1.3.6.1.5.5.7.3.1']); // clientAuth, serverAuth
    expect(new Date(x509.validFrom).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });

  it('matches its PEM form, which is the DER the handshake line carries', () => {
    expect(Buffer.from(x509.raw).equals(cert.certDer)).toBe(true);
    expect(x509.checkPrivateKey(createPrivateKey(cert.keyPem))).toBe(true);
  });

  // A leading 0x00 before a byte < 0x80 is illegal padding in DER: OpenSSL (grpc-js's TLS) refused such a certificate
  // and the double exited before its handshake line, failing 1 terraform command in 256.
  it.each([
    ['all zeros', Buffer.alloc(16)],
    ['0x00 then a small byte', Buffer.from([0x00, 0x01, ...Buffer.alloc(14, 0xff)])],
    ['0x80, which would read as negative', Buffer.from([0x80, ...Buffer.alloc(15)])],
    ['all ones', Buffer.alloc(16, 0xff)],
  ])('loads into a TLS context whatever the random serial bytes: %s', (_name, random) => {
    const withSerial = createSelfSignedCert(random);

    expect(() => createSecureContext({ key: withSerial.keyPem, cert: withSerial.certPem })).not.toThrow();
    expect(new X509Certificate(withSerial.certPem).serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
  });
});
