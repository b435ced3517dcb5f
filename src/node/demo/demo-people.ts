/** The demo's people, one or more per role; all share the demo password printed at start. */
export interface DemoPerson {
  org: string;
  memberId: string;
  displayName: string;
  roles: string[];
  attributes?: Record<string, string>;
}

export const demoPassword = 'custos-demo-2026';

export const demoPeople: DemoPerson[] = [
  { org: 'PrisonBureau', memberId: 'bureau-admin', displayName: '王建国 (bureau admin)', roles: ['admin'] },
  { org: 'PrisonBureau', memberId: 'bureau-official', displayName: '陈静 (bureau official)', roles: ['bureau.official'] },
  { org: 'PrisonBureau', memberId: 'officer-js07', displayName: '李伟 (officer, JS-07)', roles: ['prison.officer'], attributes: { prison: 'JS-07', unit: 'district-3' } },
  { org: 'PrisonBureau', memberId: 'officer-js03', displayName: '赵磊 (officer, JS-03)', roles: ['prison.officer'], attributes: { prison: 'JS-03', unit: 'district-1' } },
  { org: 'PrisonBureau', memberId: 'penalty-js03', displayName: '郭燕 (penalty execution, JS-03)', roles: ['prison.penalty-execution'], attributes: { prison: 'JS-03' } },
  { org: 'PrisonBureau', memberId: 'section-head-js07', displayName: '孙强 (section head, JS-07)', roles: ['prison.section-head'], attributes: { prison: 'JS-07', unit: 'district-3' } },
  { org: 'PrisonBureau', memberId: 'penalty-js07', displayName: '周敏 (penalty execution, JS-07)', roles: ['prison.penalty-execution'], attributes: { prison: 'JS-07' } },
  ...Array.from({ length: 9 }, (_, i): DemoPerson => ({
    org: 'PrisonBureau',
    memberId: `committee-js07-${i + 1}`,
    displayName: `Review committee member ${i + 1} (JS-07)`,
    roles: ['prison.review-committee'],
    attributes: { prison: 'JS-07' },
  })),
  { org: 'PrisonBureau', memberId: 'money-js07', displayName: '钱芳 (money clerk, JS-07)', roles: ['prison.money-clerk'], attributes: { prison: 'JS-07' } },
  { org: 'PrisonBureau', memberId: 'post-manager', displayName: '林涛 (post manager)', roles: ['prison.post-manager'] },
  { org: 'PrisonBureau', memberId: 'head-js07', displayName: '吴刚 (prison head, JS-07)', roles: ['prison.head'], attributes: { prison: 'JS-07' } },
  { org: 'Procuratorate', memberId: 'procuratorate-admin', displayName: 'Procuratorate admin', roles: ['admin'] },
  { org: 'Procuratorate', memberId: 'prosecutor-1', displayName: '郑洁 (prosecutor)', roles: ['procuratorate.prosecutor'] },
  { org: 'Court', memberId: 'court-admin', displayName: 'Court admin', roles: ['admin'] },
  { org: 'Court', memberId: 'judge-1', displayName: '冯华 (judge)', roles: ['court.judge'] },
  { org: 'Court', memberId: 'clerk-1', displayName: '何丽 (court clerk)', roles: ['court.clerk'] },
  { org: 'HealthCommission', memberId: 'health-admin', displayName: 'Health commission admin', roles: ['admin'] },
  { org: 'HealthCommission', memberId: 'health-official', displayName: 'Health official', roles: ['health.official'] },
  { org: 'ReliefCharity', memberId: 'charity-admin', displayName: 'Charity admin', roles: ['admin'] },
  { org: 'ReliefCharity', memberId: 'charity-staff', displayName: 'Charity staff', roles: ['charity.staff'] },
];
