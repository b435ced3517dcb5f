/** The prison pages in Chinese; prison-en.ts has the same shape. */
export const prisonZh = {
  prison: {
    nav: { scores: '每日计分', cases: '监狱案件', roll: '在押名册' },
    prisoner: '罪犯编号', prisonerTitle: '罪犯 {{id}}', prisonerSubtitle: '刑期、预计释放日期、减刑假释条件、计分、奖惩、案件和账户（不含个人信息）。',
    unitOf: '监区 {{unit}}', yes: '是', no: '否',
    status: { 'in-custody': '在押', released: '已释放' },
    parts: { supervision: '监管改造', education: '教育和文化改造', labour: '劳动改造' },
    entryKind: { daily: '日常计分', correction: '更正', base: '基础分', bonus: '专项加分', deduction: '扣分' },
    stage: { 'fixed-term': '有期徒刑', life: '无期徒刑', 'life-converted': '无期徒刑减为有期', reprieve: '死缓考验期', 'reprieve-life': '死缓减为无期', 'reprieve-converted': '死缓减为有期', suspended: '缓刑' },
    sentence: {
      title: '刑期', kind: '刑种', term: '刑期', months: '{{months}} 个月', crimes: '罪名', judgmentEffective: '判决生效日期', executionStart: '交付执行日期', admitted: '入监日期',
      expectedRelease: '预计释放日期', noRelease: '无（无期或死缓）', commutations: '已减刑（执行日期）',
      kinds: { 'fixed-term': '有期徒刑', life: '无期徒刑', 'death-reprieve': '死刑缓期二年执行', suspended: '缓刑', 'criminal-detention': '拘役' },
    },
    points: { title: '计分考核', balance: '累计积分', cycle: '考核周期', cycleOf: '第 {{n}} 周期，本周期 {{since}} 分', level: '管理等级', canWork: '参加劳动', nextCommutation: '最早提请减刑日期', nextParole: '最早假释日期' },
    eligibility: {
      title: '减刑、假释条件', hint: '按账本上的事实于 {{asOf}} 计算（规则版本 {{rules}}），每项结论附所依据的条文。', commutation: '减刑', parole: '假释',
      eligibleNow: '现在可以提请', notYet: '尚不可提请', stage: '刑罚阶段', earliest: '最早日期', never: '无（依现有事实不可能）', maxReduction: '本次最多减', byMonths: '减 {{months}} 个月',
      toMonths: '减为 {{min}}–{{max}} 个月', none: '无', grounds: '减刑依据', noGrounds: '暂无', releaseNotBefore: '实际执行不得少于（最早释放）', blocks: '限制情形', waived: '（因重大立功不受限制）',
      until: '至 {{date}}', timeEligible: '时间条件', exclusions: '不得假释情形', absolute: '不得假释', generally: '一般不得假释', considerations: '应当考虑的情形',
    },
    timeline: { title: '计分记录', hint: '共 {{count}} 条记录；图为累计积分，表为最近 30 条（每条有签名民警和交易）。', none: '尚无计分记录。', chart: '累计积分随时间变化', date: '日期', kind: '类别', officer: '签名民警' },
    rewards: {
      title: '奖励与惩处', none: '暂无奖惩记录。', reward: '奖励', punishment: '惩处', cycle: '第 {{n}} 考核周期：{{status}}，等次 {{grade}}',
      cycleStatus: { full: '已满分待评定', proposed: '已提请', graded: '已评定' }, merit: { merit: '立功', 'major-merit': '重大立功' }, commendation: '表扬',
    },
    cases: { openTitle: '立案', openReward: '提出奖励', openPunishment: '提出处罚', title: '案件', none: '没有案件。', boardTitle: '监狱案件看板', boardSubtitle: '减刑、假释、奖惩等未结案件，按阶段分列，期限最近的在前；点开进入案件页办理。' },
    account: { title: '个人账户', balance: '余额', spentThisMonth: '本月限额内消费', none: '暂无账户记录。' },
    scores: {
      title: '每日计分', subtitle: '{{prison}} 监狱：为一个监区录入一天的计分，一次提交，由您的密钥签名。',
      noPrison: '您的证书没有注明所在监狱（属性 prison），不能录入计分。', unknownPrison: '监狱 {{prison}} 尚未登记。',
      unit: '监区', date: '计分日期', grid: '{{unit}} · {{count}} 名罪犯', reason: '事由（可选）', total: '合计',
      caps: '每项每日加分不超过 +{{plus}}，扣分不超过 −{{minus}}（{{rules}}）；每项每月加分另有上限，超出时由账本拒绝并指出罪犯。',
      keys: '键盘操作：Tab 下一格，回车或 ↓ 下一名罪犯，方向键移动，Ctrl+回车 提交。空格视为 0。',
      partCap: '+{{plus}}/−{{minus}}，月加分≤{{month}}', noLabourShort: '不参加劳动', already: '已录入（{{officer}}）', notAdmitted: '当日尚未入监',
      submit: '提交 {{count}} 名罪犯的计分（{{txs}} 笔交易）', fixFirst: '有 {{count}} 个格子需要改正。', nothingOpen: '这一天本监区已全部录入。',
      recorded: '已记录 {{count}} 名罪犯 {{date}} 的计分，共 {{txs}} 笔交易。', rows: '{{count}} 名', failedBatch: '{{first}} … {{last}}（{{count}} 名）这一笔未记录：',
      problem: { notInteger: '请输入整数', aboveMax: '超过每日加分上限 +{{max}}', belowMin: '超过每日扣分上限 {{min}}', noLabour: '该罪犯不参加劳动，劳动改造项只能为 0' },
    },
    dashboard: {
      title: '监狱总览', subtitle: '全省各监狱的计分分布、案件阶段、逾期期限和预警，均直接读自账本。', prisons: '监狱', prisoners: '在押人数', openCases: '未结案件', overdue: '逾期期限',
      openAlerts: '未处理预警', noPrisons: '尚未登记任何监狱。', scores: '各监狱累计积分分布', scoresHint: '箱线：最小、四分位、中位数、最大。', noPrisoners: '无在押罪犯',
      stages: '各阶段案件数', toBoard: '打开监狱案件看板 →', alertsByRule: '按规则统计的预警', noAlerts: '没有未处理的预警。', overdueTitle: '逾期的期限',
      table: '各监狱', prison: '监狱', median: '积分中位数', nextEligible: '最早可提请减刑',
    },
    roll: { subtitle: '在押 {{count}} 人，按监区。' },
    inbox: { title: '待办案件', subtitle: '等待您的角色（{{roles}}）办理的案件，逾期的在前。', waiting: '等待办理：{{count}} 件' },
    alertRule: {
      'PA-01': '日计分超出监区正常范围', 'PA-02': '计分录入迟于规定', 'PA-03': '减刑幅度超过上限', 'PA-04': '未到期即提请', 'PA-05': '同一民警提请又评审', 'PA-06': '严格类案件未开庭', 'PA-07': '岗位超期未轮岗',
    },
  },
};
