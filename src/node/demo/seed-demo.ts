import { bytesToHex, utf8ToBytes } from '../../crypto/bytes.ts';
import { getSuite } from '../../crypto/suites.ts';
import { signTransaction } from '../../ledger/transaction.ts';
import type { Accounts } from '../accounts/accounts.ts';
import { enrollMember, type EnrolledMember } from '../enroll-member.ts';
import type { CustosNode } from '../node.ts';
import { loadPrisonDefinitions } from '../../apps/prison/procedures/prison-definitions.ts';
import { demoPassword, demoPeople } from './demo-people.ts';
import { createDemoSubmitter } from './demo-submitter.ts';
import { registerDemoProcedures } from './register-demo-procedures.ts';

const demoDocuments = [
  { by: 'bureau-official', title: '2026年罪犯计分考核实施细则 / 2026 points assessment rules', type: 'bureau.regulation' },
  { by: 'officer-js07', title: 'JS-07 减刑建议公示 2026-10 / commutation proposals notice', type: 'prison.public-notice' },
  { by: 'judge-1', title: '(2026) 刑更1123号 减刑裁定书 / commutation ruling', type: 'court.ruling' },
  { by: 'prosecutor-1', title: '检察意见书 2026-10 / procuratorate opinion', type: 'procuratorate.opinion' },
  { by: 'charity-staff', title: '捐赠接收单：KN95口罩20000只 / donation receipt: 20,000 KN95 masks', type: 'relief.receipt' },
];

/**
 * Seeds a fresh demo consortium: every demo person gets a key, a certificate
 * from their organization's CA, an account (password `demoPassword`) and an
 * enrollment on the ledger; a few documents are notarized by them; the prison
 * app's procedure definitions are registered through governance.
 * `onProgress` reports people enrolled, for a progress bar.
 */
export async function seedDemo(node: CustosNode, accounts: Accounts, dataDir: string, onProgress: (done: number, total: number) => void = () => {}): Promise<Map<string, EnrolledMember>> {
  const roles = new Set((node.genesis.roles ?? []).map((role) => role.name));
  const enrolled = new Map<string, EnrolledMember>();
  let done = 0;
  // Enrollments are independent: submit them together so they share blocks.
  await Promise.all(
    demoPeople.map(async (person) => {
      const member = await enrollMember(
        node,
        accounts,
        dataDir,
        { org: person.org, memberId: person.memberId, roles: person.roles.filter((role) => roles.has(role)), password: demoPassword, ...(person.attributes === undefined ? {} : { attributes: person.attributes }) },
        node.now(),
      );
      enrolled.set(person.memberId, member);
      onProgress(++done, demoPeople.length);
    }),
  );
  const suite = getSuite(node.genesis.suite);
  await Promise.all(
    demoDocuments.map((doc, i) => {
      const key = enrolled.get(doc.by)!.signingKey;
      const body = {
        v: 1 as const,
        network: node.genesis.network,
        contract: 'notary',
        fn: 'anchor',
        args: { hash: bytesToHex(suite.hash(utf8ToBytes(`demo document ${i}: ${doc.title}`))), title: doc.title, type: doc.type },
        signer: key.publicKey,
        nonce: `demo-doc-${i}`,
        ts: node.now(),
      };
      return node.submit(signTransaction(body, key), { wait: true });
    }),
  );
  await registerDemoProcedures(createDemoSubmitter(node, enrolled), loadPrisonDefinitions());
  return enrolled;
}
