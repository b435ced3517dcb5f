/**
 * The demo consortium: a provincial prison administration with 21 prisons,
 * the procuratorate, the intermediate court, the health commission and a
 * relief charity. Names are illustrative; unit ids JS-01 … JS-21.
 */
export const demoOrganizations = [
  {
    id: 'PrisonBureau',
    name: { zh: '省监狱管理局', en: "Provincial Prison Administration Bureau" },
    units: Array.from({ length: 21 }, (_, i) => {
      const n = String(i + 1).padStart(2, '0');
      return { id: `JS-${n}`, name: { zh: `第${i + 1}监狱`, en: `Prison No. ${i + 1}` } };
    }),
  },
  { id: 'Procuratorate', name: { zh: '省人民检察院', en: "Provincial People's Procuratorate" } },
  { id: 'Court', name: { zh: '市中级人民法院', en: "Intermediate People's Court" } },
  { id: 'HealthCommission', name: { zh: '省卫生健康委员会', en: 'Provincial Health Commission' } },
  { id: 'ReliefCharity', name: { zh: '慈善总会', en: 'Relief Charity Federation' } },
] as const;

export const demoOrgIds = demoOrganizations.map((org) => org.id);

/** Roles every network has, whatever its apps. */
export const coreRoles = [
  { name: 'admin', title: 'Organization administrator / 机构管理员' },
  { name: 'bureau.official', title: 'Bureau official / 监狱管理局工作人员' },
  { name: 'procuratorate.prosecutor', title: 'Prosecutor / 检察官' },
  { name: 'court.judge', title: 'Judge / 法官' },
  { name: 'court.clerk', title: 'Court clerk / 书记员' },
  { name: 'health.official', title: 'Health official / 卫健工作人员' },
  { name: 'charity.staff', title: 'Charity staff / 慈善工作人员' },
];

const adminOfAny = `1 OF (${demoOrgIds.map((org) => `admin@${org}`).join(', ')})`;
const threeOfFiveAdmins = `3 OF (${demoOrgIds.map((org) => `admin@${org}`).join(', ')})`;
const justiceAdmins = '2 OF (admin@PrisonBureau, admin@Procuratorate, admin@Court)';

/**
 * Access policies of the core actions. Changing any of them later is itself
 * a governance action (`governance.setPolicy`).
 */
export const corePolicies: Record<string, string> = {
  'notary.anchor': 'ANY MEMBER',
  // Who may take which step of a case is the definition's business (its
  // steps name roles and organizations); any member may ask.
  'procedures.openCase': 'ANY MEMBER',
  'procedures.act': 'ANY MEMBER',
  'procedures.recordSubject': 'ANY MEMBER',
  'identity.revoke': adminOfAny,
  'governance.propose': adminOfAny,
  'governance.approve': adminOfAny,
  'governance.withdraw': adminOfAny,
  'governance.addOrganization': threeOfFiveAdmins,
  'governance.removeOrganization': threeOfFiveAdmins,
  'governance.setPolicy': threeOfFiveAdmins,
  'governance.setFinality': threeOfFiveAdmins,
  'governance.registerContractVersion': threeOfFiveAdmins,
  'governance.registerProcedure': justiceAdmins,
  'governance.retireProcedure': justiceAdmins,
  // The working-day calendar moves every procedure deadline in the network.
  'governance.setCalendar': threeOfFiveAdmins,
  'admin.accounts.create': adminOfAny,
  'admin.certificates.issue': adminOfAny,
  'admin.certificates.revoke': adminOfAny,
};
