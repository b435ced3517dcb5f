import type { Command } from 'commander';
import Database from 'better-sqlite3';
import { statfsSync } from 'node:fs';
import { parseOrgCaCertificate } from '../../identity/index.ts';
import { heldCaOrgs, loadOrgCa } from '../../node/ca-store.ts';
import { openDataDir } from '../../node/data-dir.ts';
import { membersCollection } from '../../runtime/system/directory.ts';

type Level = 'ok' | 'warn' | 'fail';
const marks: Record<Level, string> = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' };

/**
 * `custos doctor`: what will hurt soon. Expired certificates are a top cause
 * of outages in permissioned networks, so every CA and member certificate
 * that expires within the warning window is named.
 */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('check a data directory: keys, ledger, disk, and certificates nearing expiry')
    .option('--data <dir>', 'data directory', './data')
    .option('--days <n>', 'warn about certificates expiring within this many days', '30')
    .action((flags: { data: string; days: string }) => {
      const findings: { level: Level; text: string }[] = [];
      const say = (level: Level, text: string) => findings.push({ level, text });
      const now = Date.now();
      const horizon = now + Number(flags.days) * 24 * 3600_000;
      try {
        const dir = openDataDir(flags.data);
        say('ok', `network ${dir.genesis.network} (${dir.genesis.suite}), node key ${dir.nodeKey.publicKey.slice(0, 20)}…`);
        const db = new Database(dir.ledgerPath, { readonly: true, fileMustExist: true });
        const head = db.prepare('SELECT MAX(height) AS height FROM blocks').get() as { height: number | null };
        say('ok', `ledger at height ${head.height ?? 0}`);
        const members = db.prepare('SELECT doc FROM state WHERE collection = ?').all(membersCollection) as { doc: string }[];
        let expiring = 0;
        for (const row of members) {
          const member = JSON.parse(row.doc) as { memberId: string; org: string; notAfter: number; revokedFrom: number | null };
          if (member.revokedFrom !== null) continue;
          if (member.notAfter <= now) say('fail', `certificate of ${member.memberId}@${member.org} EXPIRED ${new Date(member.notAfter).toISOString()}`);
          else if (member.notAfter <= horizon) {
            expiring += 1;
            say('warn', `certificate of ${member.memberId}@${member.org} expires ${new Date(member.notAfter).toISOString()}`);
          }
        }
        say('ok', `${members.length} enrolled members, ${expiring} expiring within ${flags.days} days`);
        db.close();
        for (const org of heldCaOrgs(flags.data)) {
          const cert = parseOrgCaCertificate(loadOrgCa(flags.data, org).certificatePem);
          const level: Level = cert.notAfter.getTime() <= now ? 'fail' : cert.notAfter.getTime() <= horizon ? 'warn' : 'ok';
          say(level, `CA of ${org} valid until ${cert.notAfter.toISOString()}`);
        }
        const fs = statfsSync(flags.data);
        const freeGiB = (fs.bavail * fs.bsize) / 2 ** 30;
        say(freeGiB < 1 ? 'fail' : freeGiB < 5 ? 'warn' : 'ok', `${freeGiB.toFixed(1)} GiB free on the data volume`);
      } catch (error) {
        say('fail', error instanceof Error ? error.message : String(error));
      }
      for (const finding of findings) console.log(`${marks[finding.level]} ${finding.text}`);
      if (findings.some((f) => f.level === 'fail')) process.exitCode = 1;
    });
}
