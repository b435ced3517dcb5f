import type { AppManifest } from '../app-manifest.ts';
import { prisonContract } from './contract/prison-contract.ts';

/** Roles the prison app brings (certificates carry them; `prison` attribute = the officer's prison). */
export const prisonRoles = [
  { name: 'prison.officer', title: 'Supervising officer / 管教民警' },
  { name: 'prison.section-head', title: 'Section head / 监区长' },
  { name: 'prison.penalty-execution', title: 'Penalty-execution department / 刑罚执行科' },
  { name: 'prison.review-committee', title: 'Review committee member / 评审委员会委员' },
  { name: 'prison.head', title: 'Prison head / 监狱长' },
  { name: 'prison.money-clerk', title: 'Prisoner money clerk / 罪犯钱款管理员' },
  { name: 'prison.post-manager', title: 'Post manager / 岗位管理（政治处）' },
];

const bureau = 'PrisonBureau';
const any = (...roles: string[]) => (roles.length === 1 ? `ANY ${roles[0]!}` : `ANY(${roles.join(', ')})`);
const officer = `prison.officer@${bureau}`;
const sectionHead = `prison.section-head@${bureau}`;
const penalty = `prison.penalty-execution@${bureau}`;
const head = `prison.head@${bureau}`;
const money = `prison.money-clerk@${bureau}`;
const postManager = `prison.post-manager@${bureau}`;
const official = `bureau.official@${bureau}`;
const judge = 'court.judge@Court';
const clerk = 'court.clerk@Court';
const prosecutor = 'procuratorate.prosecutor@Procuratorate';

/**
 * Who may attempt each action. The handlers add the place: an officer acts
 * only in the prison named by their certificate's `prison` attribute.
 * Parameter changes are one bureau official's signature until governance
 * can carry app actions with approvals (then: 2 OF bureau officials).
 */
export const prisonPolicies: Record<string, string> = {
  'prison.setPointsRules': any(official),
  'prison.setManagementLevels': any(official),
  'prison.setPostRules': any(official),
  'prison.registerPrison': any(official, `admin@${bureau}`),
  'prison.admitPrisoner': any(penalty),
  'prison.updateFacts': any(penalty),
  'prison.recordMerit': any(penalty),
  'prison.recordNewCrime': any(judge),
  'prison.transferPrisoner': any(official),
  'prison.releasePrisoner': any(penalty),
  'prison.recordPropertyJudgment': any(judge, clerk),
  'prison.setPropertyAbility': any(judge),
  'prison.recordPropertyPayment': any(money, clerk),
  'prison.scoreDay': any(officer),
  'prison.correctEntry': any(officer, sectionHead),
  'prison.closeMonth': any(officer),
  'prison.awardSpecialBonus': any(sectionHead),
  'prison.recordDeduction': any(sectionHead),
  'prison.proposeGrade': any(sectionHead),
  'prison.confirmGrade': any(head, penalty),
  'prison.setManagementLevel': any(sectionHead),
  'prison.recordRuling': any(judge),
  'prison.checkProposal': any(penalty, prosecutor, judge),
  'prison.closeAlert': any(prosecutor, official),
  'prison.deposit': any(money),
  'prison.spend': any(money),
  'prison.assignPost': any(postManager),
  'prison.checkPostTenure': `ANY *@${bureau}`,
  // Procedure integration: the calculators judge a case before filing; the
  // court records the served ruling of a case; rulings and notices are published.
  'prison.checkCase': any(penalty, prosecutor, judge),
  'prison.recordCaseRuling': any(judge),
  'prison.publishDisclosure': any(penalty, judge, clerk),
};

/** The prison app as data: its contract, roles and per-action policies. */
export const prisonApp: AppManifest = {
  name: 'prison',
  contracts: [prisonContract],
  roles: prisonRoles,
  policies: prisonPolicies,
};
