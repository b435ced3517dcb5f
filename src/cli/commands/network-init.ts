import type { Command } from 'commander';
import { createOrgCa } from '../../identity/index.ts';
import { genesisHash } from '../../ledger/genesis.ts';
import { getSuite } from '../../crypto/suites.ts';
import { saveOrgCa } from '../../node/ca-store.ts';
import { initDataDir } from '../../node/data-dir.ts';
import { createDemoConsortium } from '../../node/demo/demo-consortium.ts';
import { demoApps } from '../../node/demo/demo-apps.ts';
import type { Genesis } from '../../ledger/genesis.ts';

const collect = (value: string, previous: string[]) => [...previous, value];
const year = 365 * 24 * 3600_000;

/** Policies of a plain consortium: a majority of organizations' admins govern; any member may notarize and take part in procedures. */
function plainPolicies(orgs: string[]): Record<string, string> {
  const admins = orgs.map((org) => `admin@${org}`).join(', ');
  const anyAdmin = `1 OF (${admins})`;
  const majority = `${Math.floor(orgs.length / 2) + 1} OF (${admins})`;
  const governance = ['addOrganization', 'removeOrganization', 'setPolicy', 'setFinality', 'registerContractVersion', 'registerProcedure', 'retireProcedure', 'setCalendar'];
  return {
    'notary.anchor': 'ANY MEMBER',
    'procedures.openCase': 'ANY MEMBER',
    'procedures.act': 'ANY MEMBER',
    'procedures.recordSubject': 'ANY MEMBER',
    'identity.revoke': anyAdmin,
    'governance.propose': anyAdmin,
    'governance.approve': anyAdmin,
    'governance.withdraw': anyAdmin,
    ...Object.fromEntries(governance.map((action) => [`governance.${action}`, majority])),
    'admin.accounts.create': anyAdmin,
    'admin.certificates.issue': anyAdmin,
    'admin.certificates.revoke': anyAdmin,
  };
}

/**
 * `custos network init`: a network's genesis — organizations with their
 * root CAs (kept under <data>/ca/), roles, policies — and this node's keys.
 * `--demo` creates the demo consortium; without organizations the network
 * is open (any key may sign; for development).
 */
export function registerNetworkInit(program: Command): void {
  const network = program.commands.find((command) => command.name() === 'network') ?? program.command('network').description('create and run networks');
  network
    .command('init')
    .description('create a network: genesis with organizations (each with its own CA), roles and policies, and this node’s keys')
    .option('--data <dir>', 'data directory', './data')
    .option('--demo', 'the demo consortium: prison bureau (21 prisons), procuratorate, court, health commission, relief charity')
    .option('--org <id>', 'an organization of the consortium (repeatable); each gets a root CA', collect, [])
    .option('--network <name>', 'network id', 'js-province')
    .option('--title <text>', 'network title', 'Custos network')
    .option('--suite <id>', 'crypto suite', 'ed25519-sha256')
    .action(async (flags: { data: string; demo?: boolean; org: string[]; network: string; title: string; suite: string }) => {
      const time = Date.now();
      let identity: Pick<Genesis, 'organizations' | 'roles' | 'policies'> | undefined;
      if (flags.demo === true) {
        identity = await createDemoConsortium(flags.data, time, demoApps);
      } else if (flags.org.length > 0) {
        const organizations: NonNullable<Genesis['organizations']> = [];
        for (const org of flags.org) {
          const ca = await createOrgCa({ org, notBefore: new Date(time - 24 * 3600_000), notAfter: new Date(time + 10 * year) });
          saveOrgCa(flags.data, org, ca);
          organizations.push({ id: org, name: { zh: org, en: org }, caCertificate: ca.certificatePem });
        }
        identity = { organizations, roles: [{ name: 'admin', title: 'Organization administrator / 机构管理员' }], policies: plainPolicies(flags.org) };
      }
      const genesis = initDataDir(flags.data, { network: flags.network, title: flags.title, suite: flags.suite, time, ...(identity === undefined ? {} : { identity }) });
      console.log(`network ${genesis.network} created in ${flags.data}`);
      console.log(`  genesis hash ${genesisHash(getSuite(genesis.suite), genesis)} (publish it: verifiers compare it)`);
      for (const org of genesis.organizations ?? []) console.log(`  organization ${org.id} — CA in ${flags.data}/ca/${org.id}.json`);
      if ((genesis.organizations ?? []).length === 0) console.log('  open network: any key may sign (development only)');
      console.log(flags.demo === true ? '\nnext: custos start --demo (seeds the demo people)' : '\nnext: custos ca issue … for each admin, then custos start');
    });
}
