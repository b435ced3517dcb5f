import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TransactionProof } from '../../src/ledger/proof.ts';
import { portableEd25519Suite, verifyTransactionProof } from '../../src/sdk/index.ts';
import { createTestClock, startDemoTestNode, type DemoTestNode } from '../support/demo-node.ts';
import { anchored, chinaMorning, day, getJson, sessionOf, type Session } from './prison-http.ts';
import { setUpPrisoners } from './setup-prisoner.ts';

interface CaseView {
  case: { id: string; state: string; closed: boolean };
  history: { kind: string; step?: string; by: { memberId: string } | null; txId: string | null; height: number }[];
}

async function caseOf(t: DemoTestNode, caseId: string) {
  const view = await getJson<CaseView>(t, `/v1/procedures/cases/${caseId}`);
  return { ...view.case, history: view.history };
}

/** Moves the node's clock and commits a block, so the deadline hook runs at the new time. */
async function advance(t: DemoTestNode, anyone: Session, days: number, label: string) {
  t.clock.advance(days * day);
  await anchored(anyone, 'tick', `${label} ${t.clock.now()}`);
}

test('a commutation case end to end over HTTP: officer, section head, penalty execution, committee, prison head, procuratorate, court; the ruling moves the release date; proofs verify', async () => {
  const t = await startDemoTestNode({ clock: createTestClock(chinaMorning('2026-09-01')) });
  try {
    await setUpPrisoners(t);
    const officer = await sessionOf(t, 'officer-js07');
    const section = await sessionOf(t, 'section-head-js07');
    const penalty = await sessionOf(t, 'penalty-js07');
    const head = await sessionOf(t, 'head-js07');
    const prosecutor = await sessionOf(t, 'prosecutor-1');
    const judge = await sessionOf(t, 'judge-1');
    const clerk = await sessionOf(t, 'clerk-1');
    const committee = await Promise.all([1, 2, 3, 4, 5].map((n) => sessionOf(t, `committee-js07-${n}`)));

    const before = await getJson<{ expectedRelease: string; nextEligibility: { commutation: string } }>(t, '/v1/prison/prisoners/P1');
    assert.ok(before.nextEligibility.commutation <= '2026-09-01', `eligible by 2026-09-01 (SPC 2016 art. 6: 18 months from delivery), got ${before.nextEligibility.commutation}`);

    const opened = await officer.ok('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } });
    const caseId = (opened.value as { caseId: string }).caseId;
    const act = (s: Session, step: string, extra: Record<string, unknown> = {}) => s.ok('procedures', 'act', { caseId, action: { kind: 'step', step, ...extra } });
    const actFails = (s: Session, step: string, code: string, extra: Record<string, unknown> = {}) => s.fails('procedures', 'act', { caseId, action: { kind: 'step', step, ...extra } }, code);

    // Out of order, and not the court's business: refused, nothing written.
    await actFails(penalty, 'penalty_pass', 'PROC_STEP_WRONG_STATE');
    await actFails(clerk, 'propose', 'PROC_STEP_NOT_ALLOWED', { form: { grounds: 'repentance', proposedReductionMonths: 9 } });
    // Above the grounds' table (SPC 2016 art. 6: 9 months for repentance).
    await actFails(officer, 'propose', 'PROC_GUARD_FALSE', { form: { grounds: 'repentance', proposedReductionMonths: 12 }, evidence: [await anchored(officer, 'points-record', 'P1 points 2025')] });
    assert.equal((await caseOf(t, caseId)).state, 'unit_proposal');

    await act(officer, 'propose', { form: { grounds: 'repentance', proposedReductionMonths: 9 }, evidence: [await anchored(officer, 'points-record', 'P1 points 2025-02..2026-01')] });
    await actFails(clerk, 'section_pass', 'PROC_STEP_NOT_ALLOWED');
    await act(section, 'section_pass', { evidence: [await anchored(section, 'meeting-minutes', 'D3 section heads 2026-09-01')] });
    await act(penalty, 'penalty_pass');
    const minutes = await anchored(committee[0]!, 'committee-minutes', 'JS-07 review committee 2026-09-01');
    for (const [i, member] of committee.entries()) {
      await member.ok('procedures', 'act', { caseId, action: { kind: 'approve', step: 'committee_pass', form: { membersPresent: 9 }, ...(i === 0 ? { evidence: [minutes] } : {}) } });
    }
    assert.equal((await caseOf(t, caseId)).state, 'public_notice', 'five votes of the nine-member committee carry it');

    // Five working days of notice in prison; the block hook closes it.
    await advance(t, officer, 8, 'after notice');
    assert.equal((await caseOf(t, caseId)).state, 'head_meeting');
    await act(head, 'head_approve', { evidence: [await anchored(head, 'review-form', 'P1 review form')] });

    // Filing needs the calculators' check (alerts PA-03..06) first.
    const letter = await anchored(penalty, 'proposal-letter', 'P1 proposal to the court');
    await actFails(penalty, 'file_with_court', 'PROC_GUARD_FALSE', { evidence: [letter] });
    const checked = await penalty.ok('prison', 'checkCase', { caseId });
    assert.deepEqual((checked.value as { alerts: string[] }).alerts, [], 'an eligible proposal within the table raises no alert');
    await act(penalty, 'file_with_court', { evidence: [letter] });

    await act(prosecutor, 'give_opinion', { form: { opinion: 'agree' }, evidence: [await anchored(prosecutor, 'opinion-letter', 'P1 opinion')] });
    await advance(t, officer, 6, 'after court notice');
    assert.equal((await caseOf(t, caseId)).state, 'court_review');
    await act(judge, 'written_review');

    // The panel rules 12 months; recording it is refused by the law (at most 9), nothing written.
    const today = '2026-09-15';
    await act(judge, 'rule_grant', { form: { reductionMonths: 12, rulingDate: today, docket: '(2026)苏01刑更1123号' }, evidence: [await anchored(judge, 'ruling', 'ruling draft 12')] });
    const refusal = await judge.fails('prison', 'recordCaseRuling', { caseId, servedDate: today }, 'PRISON_REDUCTION_ABOVE_MAXIMUM');
    assert.match(refusal, /at most 9 months/);
    assert.equal((await getJson<{ expectedRelease: string }>(t, '/v1/prison/prisoners/P1')).expectedRelease, before.expectedRelease);
    await actFails(clerk, 'serve', 'PROC_GUARD_FALSE', { evidence: [await anchored(clerk, 'service-receipt', 'receipt 12')] });
    // The court takes it back and rules again.
    await judge.ok('procedures', 'act', { caseId, action: { kind: 'reject', step: 'serve', reason: 'ruling above the grounds’ maximum' } });
    await act(judge, 'rule_grant', { form: { reductionMonths: 9, rulingDate: today, docket: '(2026)苏01刑更1123号' }, evidence: [await anchored(judge, 'ruling', 'ruling 9 months')] });

    await clerk.fails('prison', 'recordCaseRuling', { caseId, servedDate: today }, 'ACCESS_DENIED');
    const recorded = await judge.ok('prison', 'recordCaseRuling', { caseId, servedDate: today });
    const { before: was, after: now } = recorded.value as { before: { expectedRelease: string }; after: { expectedRelease: string } };
    assert.equal(was.expectedRelease, before.expectedRelease);
    assert.ok(now.expectedRelease < was.expectedRelease, `release moves earlier: ${was.expectedRelease} → ${now.expectedRelease}`);
    await act(clerk, 'serve', { evidence: [await anchored(clerk, 'service-receipt', 'receipt 9')] });
    assert.equal((await caseOf(t, caseId)).state, 'correction_window');

    // Twenty days without a correction opinion: executed.
    await advance(t, officer, 21, 'after correction window');
    const closed = await caseOf(t, caseId);
    assert.equal(closed.state, 'executed');
    assert.equal(closed.closed, true);
    const prisoner = await getJson<{ expectedRelease: string; rulings: { caseId: string }[] }>(t, '/v1/prison/prisoners/P1');
    assert.equal(prisoner.expectedRelease, now.expectedRelease);
    assert.deepEqual(prisoner.rulings.map((r) => r.caseId), [caseId]);

    // Who did what, each signed as themselves, and every write proves against the ledger.
    const signers = new Set(closed.history.filter((h) => h.by !== null).map((h) => h.by!.memberId));
    for (const who of ['officer-js07', 'section-head-js07', 'penalty-js07', 'committee-js07-5', 'head-js07', 'prosecutor-1', 'judge-1', 'clerk-1']) assert.ok(signers.has(who), `${who} signed a step`);
    const trust = { network: t.genesis.network, orderers: t.genesis.orderers, nodes: t.genesis.nodes };
    const txIds = [...new Set(closed.history.map((h) => h.txId).filter((id): id is string => id !== null)), recorded.txId];
    for (const txId of txIds) {
      const proof = await getJson<TransactionProof>(t, `/v1/transactions/${txId}/proof`);
      const verdict = verifyTransactionProof(proof, trust, portableEd25519Suite);
      assert.equal(verdict.ok, true, `proof of ${txId}: ${JSON.stringify(verdict.checks.filter((c) => !c.ok))}`);
    }

    // Public disclosure: the redacted ruling, anchored, published with a code anyone can check.
    const redacted = await anchored(judge, 'ruling', '(2026)苏01刑更1123号 罪犯P1 减刑九个月（已隐去个人信息）');
    const published = await judge.ok('prison', 'publishDisclosure', { caseId, kind: 'court-ruling', documentHash: redacted.hash });
    const code = (published.value as { code: string }).code;
    assert.match(code, /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const resolved = await getJson<{ disclosure: { documentHash: string; anchorTxId: string }; proof: TransactionProof }>(t, `/v1/prison/disclosures/${code.toLowerCase()}`);
    assert.equal(resolved.disclosure.documentHash, redacted.hash);
    assert.equal((resolved.proof.tx.args as { hash: string }).hash, redacted.hash, 'the proof is of the anchor of exactly this document');
    assert.equal(verifyTransactionProof(resolved.proof, trust, portableEd25519Suite).ok, true);
    assert.doesNotMatch(JSON.stringify(resolved), /personalDataHash|birthDate/, 'no personal data in what the public sees');
    const notice = await anchored(penalty, 'notice', 'JS-07 公示 2026-09 P1');
    await (await sessionOf(t, 'officer-js03')).fails('prison', 'publishDisclosure', { caseId, kind: 'public-notice', documentHash: notice.hash }, 'ACCESS_DENIED');
    await penalty.ok('prison', 'publishDisclosure', { caseId, kind: 'public-notice', documentHash: notice.hash });
    const missing = await t.app.inject({ method: 'GET', url: '/v1/prison/disclosures/0000-0000-0000' });
    assert.equal(missing.statusCode, 404);
    assert.equal((missing.json() as { code: string }).code, 'PRISON_DISCLOSURE_NOT_FOUND');
  } finally {
    await t.close();
  }
});
