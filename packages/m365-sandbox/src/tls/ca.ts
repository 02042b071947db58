// A local certificate authority for the sandbox. msal-node insists on an https authority, so the
// sandbox serves HTTPS with a server certificate issued by this CA; processes that talk to it
// trust the CA through NODE_EXTRA_CA_CERTS (read by Node at start-up only).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import forge from 'node-forge';

export interface CertificateAuthority {
  readonly certPath: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface ServerCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * Each CA gets a name of its own: a process that trusts two sandbox CAs (e.g. a test run's and a
 * test's own) must not mistake one for the other when it looks up a certificate's issuer.
 */
function caSubject(): forge.pki.CertificateField[] {
  return [
    {
      name: 'commonName',
      value: `Workshopplanner sandbox local CA ${forge.util.bytesToHex(forge.random.getBytesSync(4))}`,
    },
    { name: 'organizationName', value: 'Workshopplanner (local development only)' },
  ];
}

/** Loads the CA from `dir`, creating it on first use. The private key never leaves `dir`. */
export function ensureCertificateAuthority(dir: string): CertificateAuthority {
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca.key');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return {
      certPath,
      certPem: readFileSync(certPath, 'utf8'),
      keyPem: readFileSync(keyPath, 'utf8'),
    };
  }
  mkdirSync(dir, { recursive: true });
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  const subject = caSubject();
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const keyPem = forge.pki.privateKeyToPem(keys.privateKey);
  writeFileSync(keyPath, keyPem, { mode: 0o600 });
  writeFileSync(certPath, certPem);
  return { certPath, certPem, keyPem };
}

/** Issues a short-lived server certificate for the given host names and IP addresses. */
export function issueServerCertificate(
  ca: CertificateAuthority,
  hosts: readonly string[] = ['localhost', '127.0.0.1', '::1'],
): ServerCertificate {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = new Date(Date.now() - 3600 * 1000);
  // Browsers reject leaf certificates valid for more than 398 days.
  cert.validity.notAfter = new Date(Date.now() + 397 * 24 * 3600 * 1000);
  cert.setSubject([{ name: 'commonName', value: hosts[0] ?? 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    },
    {
      name: 'subjectAltName',
      altNames: hosts.map((host) =>
        /^[\d.]+$|:/.test(host) ? { type: 7, ip: host } : { type: 2, value: host },
      ),
    },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

/**
 * A positive, minimally encoded serial number: 16 random bytes whose first byte has its top bit
 * clear (positive) and another bit set (no leading zero byte, which DER forbids as padding).
 */
function randomSerial(): string {
  const bytes = forge.random.getBytesSync(16);
  const first = (bytes.charCodeAt(0) & 0x7f) | 0x40;
  return forge.util.bytesToHex(String.fromCharCode(first) + bytes.slice(1));
}

/**
 * The file to give NODE_EXTRA_CA_CERTS so a process trusts the sandbox: the CA itself, or — when
 * the environment already names a bundle (e.g. a company proxy's CA) — that bundle plus the CA,
 * written next to it, so the existing trust is kept.
 */
export function extraCaCertsFor(
  ca: CertificateAuthority,
  existing = process.env.NODE_EXTRA_CA_CERTS,
): string {
  if (!existing || existing === ca.certPath || !existsSync(existing)) return ca.certPath;
  const combined = join(dirname(ca.certPath), 'extra-ca-certs.pem');
  if (existing === combined) return combined;
  writeFileSync(combined, `${readFileSync(existing, 'utf8').trimEnd()}\n${ca.certPem}`);
  return combined;
}
