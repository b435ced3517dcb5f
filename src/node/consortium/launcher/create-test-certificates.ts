import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consortiumError } from '../consortium-error.ts';

export interface NatsCertificates {
  caFile: string;
  certFile: string;
  keyFile: string;
}

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw consortiumError('CONSORTIUM_LAUNCHER_FAILED', `openssl ${args[0]} failed`, { args }, error);
  }
}

/**
 * A throwaway CA and one server certificate for 127.0.0.1/localhost, made
 * with openssl, for the local launcher and tests. The certificate is used by
 * every server for client and route TLS, so it carries both serverAuth and
 * clientAuth. A real deployment uses its own PKI (docs/OPERATIONS.md).
 */
export function createTestCertificates(dir: string, days = 30): NatsCertificates {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(dir, 'server.ext'),
    ['basicConstraints = CA:FALSE', 'keyUsage = digitalSignature, keyEncipherment', 'extendedKeyUsage = serverAuth, clientAuth', 'subjectAltName = IP:127.0.0.1, DNS:localhost', ''].join('\n'),
  );
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', String(days), '-subj', '/CN=Custos local NATS CA'], dir);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server-key.pem', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', 'server.pem', '-days', String(days), '-extfile', 'server.ext'], dir);
  return { caFile: join(dir, 'ca.pem'), certFile: join(dir, 'server.pem'), keyFile: join(dir, 'server-key.pem') };
}
