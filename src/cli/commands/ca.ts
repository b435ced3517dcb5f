import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import { createOrgCa, issueMemberCertificate, parseMemberCertificate, parseOrgCaCertificate, renewMemberCertificate } from '../../identity/index.ts';
import { heldCaOrgs, loadOrgCa, saveOrgCa } from '../../node/ca-store.ts';
import { readKeyFile, signingKeyToKeyFile, writeKeyFile } from '../../node/key-file.ts';
import { createCustosClient, createTransaction, signTransactionWith } from '../../sdk/index.ts';

const day = 24 * 3600_000;

function parseAttributes(pairs: string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new TypeError(`--attr takes name=value, got ${pair}`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `custos ca …`: an organization's certificate authority, offline, with the CA key in the data directory. */
export function registerCa(program: Command): void {
  const ca = program.command('ca').description("an organization's certificate authority: create, issue, renew, revoke, list");

  ca.command('init')
    .description('create a root CA for an organization (kept in <data>/ca/<org>.json, mode 0600) and write its certificate')
    .requiredOption('--org <id>', 'organization id, e.g. CityHospital')
    .option('--data <dir>', 'data directory', './data')
    .option('--years <n>', 'validity in years', '10')
    .option('--out <file>', 'write the CA certificate (PEM) here too')
    .action(async (flags: { org: string; data: string; years: string; out?: string }) => {
      const now = Date.now();
      const created = await createOrgCa({ org: flags.org, notBefore: new Date(now - day), notAfter: new Date(now + Number(flags.years) * 365 * day) });
      saveOrgCa(flags.data, flags.org, created);
      if (flags.out !== undefined) writeFileSync(flags.out, created.certificatePem);
      console.log(created.certificatePem);
    });

  ca.command('issue')
    .description("issue a member certificate; with --key-out a fresh key is made for the member (give it to them), else certify --public-key")
    .requiredOption('--org <id>', 'organization whose CA issues')
    .requiredOption('--member <id>', 'member id (certificate CN)')
    .option('--role <role>', 'a role, repeatable', collect, [])
    .option('--attr <name=value>', 'an attribute, repeatable (e.g. prison=JS-07)', collect, [])
    .option('--public-key <key>', "the member's ed25519:… key")
    .option('--key-out <file>', 'make a key for the member and write it here (mode 0600)')
    .requiredOption('--cert-out <file>', 'where to write the certificate (PEM)')
    .option('--days <n>', 'validity in days', '365')
    .option('--data <dir>', 'data directory holding the CA', './data')
    .action(async (flags: { org: string; member: string; role: string[]; attr: string[]; publicKey?: string; keyOut?: string; certOut: string; days: string; data: string }) => {
      let publicKey = flags.publicKey;
      if (flags.keyOut !== undefined) {
        const key = ed25519Suite.generateSigningKey();
        writeKeyFile(flags.keyOut, signingKeyToKeyFile(ed25519Suite.id, key));
        publicKey = key.publicKey;
      }
      if (publicKey === undefined) throw new TypeError('give --public-key or --key-out');
      const now = Date.now();
      const pem = await issueMemberCertificate({
        ca: loadOrgCa(flags.data, flags.org),
        memberId: flags.member,
        publicKey,
        roles: flags.role,
        attributes: parseAttributes(flags.attr),
        notBefore: new Date(now - 60_000),
        notAfter: new Date(now + Number(flags.days) * day),
      });
      writeFileSync(flags.certOut, pem);
      const parsed = parseMemberCertificate(pem);
      console.log(`issued ${parsed.memberId}@${parsed.org} serial ${parsed.serial}, valid until ${parsed.notAfter.toISOString()}`);
    });

  ca.command('renew')
    .description('renew a member certificate: new serial and validity, same member, roles and attributes')
    .requiredOption('--org <id>', 'organization whose CA issues')
    .requiredOption('--cert <file>', 'the certificate to renew (PEM)')
    .requiredOption('--cert-out <file>', 'where to write the new certificate')
    .option('--public-key <key>', 'rotate to this key')
    .option('--days <n>', 'validity in days', '365')
    .option('--data <dir>', 'data directory holding the CA', './data')
    .action(async (flags: { org: string; cert: string; certOut: string; publicKey?: string; days: string; data: string }) => {
      const now = Date.now();
      const pem = await renewMemberCertificate({
        ca: loadOrgCa(flags.data, flags.org),
        certificatePem: readFileSync(flags.cert, 'utf8'),
        ...(flags.publicKey === undefined ? {} : { publicKey: flags.publicKey }),
        notBefore: new Date(now - 60_000),
        notAfter: new Date(now + Number(flags.days) * day),
      });
      writeFileSync(flags.certOut, pem);
      const parsed = parseMemberCertificate(pem);
      console.log(`renewed ${parsed.memberId}@${parsed.org}: serial ${parsed.serial}, valid until ${parsed.notAfter.toISOString()}; enroll it with custos enroll`);
    });

  ca.command('list')
    .description('the CAs this data directory holds, with their expiry')
    .option('--data <dir>', 'data directory', './data')
    .action((flags: { data: string }) => {
      for (const org of heldCaOrgs(flags.data)) {
        const cert = parseOrgCaCertificate(loadOrgCa(flags.data, org).certificatePem);
        console.log(`${org.padEnd(20)} key ${cert.keyId.slice(0, 16)}…  valid until ${cert.notAfter.toISOString()}`);
      }
    });

  ca.command('revoke')
    .description('revoke a certificate of your organization on the ledger (in force from the next block); signed with an admin key')
    .requiredOption('--key <file>', "an admin's key file")
    .requiredOption('--org <id>', 'the organization')
    .requiredOption('--serial <hex>', 'certificate serial')
    .requiredOption('--reason <text>', 'why')
    .option('--url <url>', 'node API', 'http://127.0.0.1:8080')
    .action(async (flags: { key: string; org: string; serial: string; reason: string; url: string }) => {
      const client = createCustosClient({ url: flags.url });
      const key = readKeyFile(flags.key);
      const { genesis } = await client.getNetwork();
      const body = createTransaction({ network: genesis.network, contract: 'identity', fn: 'revoke', args: { org: flags.org, serial: flags.serial, reason: flags.reason }, signer: key.publicKey });
      const response = await client.submit(await signTransactionWith(body, (m) => key.sign(m)), { wait: true });
      console.log(JSON.stringify(response, null, 2));
      if (response.result?.status !== 'ok') process.exitCode = 3;
    });
}

/** `custos enroll`: present a certificate to the ledger, signed with the key it certifies. */
export function registerEnroll(program: Command): void {
  program
    .command('enroll')
    .description('enroll on the ledger with a certificate from your organization’s CA, signed with the key it certifies')
    .requiredOption('--key <file>', 'your key file')
    .requiredOption('--cert <file>', 'your certificate (PEM)')
    .option('--url <url>', 'node API', 'http://127.0.0.1:8080')
    .action(async (flags: { key: string; cert: string; url: string }) => {
      const client = createCustosClient({ url: flags.url });
      const key = readKeyFile(flags.key);
      const { genesis } = await client.getNetwork();
      const body = createTransaction({ network: genesis.network, contract: 'identity', fn: 'enroll', args: { certificate: readFileSync(flags.cert, 'utf8') }, signer: key.publicKey });
      const response = await client.submit(await signTransactionWith(body, (m) => key.sign(m)), { wait: true });
      console.log(JSON.stringify(response, null, 2));
      if (response.result?.status !== 'ok') process.exitCode = 3;
    });
}
