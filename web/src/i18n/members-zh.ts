/** Chinese texts of the signed-in console: sign-in, administration, procedures and cases. */
export const membersZh = {
  auth: {
    title: '登录', subtitle: '使用本机构节点上的账号登录。', pleaseSignIn: '请先登录', signIn: '登录', signingIn: '正在登录…', signOut: '退出登录',
    organization: '机构', memberId: '成员编号', password: '密码', totp: '动态验证码', totpHint: '此账号已开启两步验证：请输入验证器应用中的 6 位数字。',
    badCredentials: '机构、成员编号或密码不正确。', locked: '登录失败次数过多，账号已临时锁定，请约 {{minutes}} 分钟后再试。',
    expired: '登录已过期，请重新登录。', signedOut: '您已退出登录。', signedInAs: '已登录：{{member}}（{{org}}）',
    memberMenu: '成员菜单', roles: '角色',
    signingHint: '登录期间，您的操作由节点使用您本人的密钥签名；退出登录后节点不再持有该密钥。',
    notAllowed: '无权访问', notAllowedBody: '您当前的角色（{{roles}}）不能打开此页面。',
  },
  signing: {
    withNode: '签名方式：节点保管的密钥', withBrowser: '签名方式：本浏览器中的密钥', withNothing: '签名方式：待您选择',
    browserHint: '您的操作在本浏览器中签名。私钥不可导出，从不离开本浏览器：节点只转发交易，无法替您签名。',
    turnOn: '将我的密钥保存在本浏览器中', turnOnNew: '在本浏览器中生成新密钥',
    turnOnHint: '浏览器将生成一把不可导出的密钥，由本机构 CA 签发证书，并由您本人在账本上登记。此后节点无法替您签名。',
    phases: { generating: '正在生成密钥…', certifying: '正在请本机构 CA 签发证书…', enrolling: '正在账本上登记新密钥…' },
    useNode: '改用节点保管的密钥', useBrowserAgain: '重新使用本浏览器中的密钥', forget: '删除本浏览器中的密钥', keyId: '浏览器密钥：',
    noticeTitle: '本浏览器中的签名密钥不可用',
    notices: {
      keyMissing: '您选择了在本浏览器中保存签名密钥，但该密钥已不存在（可能清除了网站数据，或换了浏览器配置）。在您作出选择之前，控制台不会提交任何操作：请生成新的浏览器密钥，或改用节点保管的密钥。',
      revoked: '本浏览器密钥的证书已被吊销，不能再用于签名。请生成新的浏览器密钥，或改用节点保管的密钥。',
      expired: '本浏览器密钥的证书已过期，不能再用于签名。请生成新的浏览器密钥，或改用节点保管的密钥。',
      notEnrolled: '账本上没有登记本浏览器中的密钥（网络可能已重置）。请生成新的浏览器密钥，或改用节点保管的密钥。',
    },
    unavailable: '本浏览器中的签名密钥不可用，操作未提交。请在页面顶部或成员菜单中选择：生成新的浏览器密钥，或改用节点保管的密钥。',
    unsupported: '此浏览器不能保存不可导出的 Ed25519 密钥（需要支持 WebCrypto Ed25519，且通过 HTTPS 访问）。请使用节点保管的密钥。',
  },
  roles: {
    admin: '机构管理员', 'bureau.official': '监狱管理局工作人员', 'procuratorate.prosecutor': '检察官', 'court.judge': '法官', 'court.clerk': '书记员',
    'health.official': '卫健工作人员', 'charity.staff': '慈善工作人员',
  },
  admin: {
    actingAs: '当前管理员：{{member}}（{{org}}）',
    tabs: { organizations: '机构', members: '成员与证书', governance: '治理提案', procedures: '流程定义', nodes: '节点与最终性' },
    organizations: {
      title: '机构', subtitle: '联盟中的各机构、其下属单位及根证书（CA）。', id: '机构代码', otherName: '英文名称', fingerprint: 'CA 证书指纹（SHA-256）',
      caExpiry: 'CA 证书有效期至', units: '下属单位', unitCount: '{{count}} 个', showUnits: '查看下属单位',
    },
    expiry: { expired: '已过期', soon: '{{count}} 天后到期' },
    members: {
      title: '成员与证书', subtitle: '本机构的成员、角色和证书。30 天内到期的证书会突出显示。', list: '成员列表', expiryHint: '证书过期是联盟网络停摆的常见原因，请提前续期。',
      memberId: '成员编号', roles: '角色', serial: '证书序列号', notAfter: '证书到期', active: '有效', revokedFrom: '自区块 {{height}} 起吊销',
      expiringCount: '{{count}} 张证书将在 {{days}} 天内到期。',
    },
    enroll: {
      title: '登记新成员', hint: '本节点的 CA 签发证书，创建账号，并在账本上登记该成员。', attributes: '属性（可选，如 prison=JS-07, unit=district-3）',
      password: '初始密码（至少 8 位）', validForDays: '证书有效期（天）', totp: '开启两步验证（动态验证码）', submit: '登记成员',
    },
    enrolled: {
      title: '已登记 {{member}}', publicKey: '公钥', certificate: '证书', totpQr: '两步验证二维码',
      totpOnce: '请让该成员现在用验证器应用扫描此二维码。密钥只显示这一次，关闭后无法再次查看。', totpManual: '无法扫码时，可手动输入以下密钥：', done: '完成',
    },
    revoke: { button: '吊销', reason: '吊销 {{member}} 的证书，原因：', hint: '吊销是一笔账本交易，自下一个区块起生效。', confirm: '确认吊销' },
    governance: {
      title: '治理提案', subtitle: '网络规则只能通过提案变更：提案须获得其策略要求的批准，并自下一个区块起生效。', proposals: '提案',
      status: { open: '待批准', adopted: '已通过', withdrawn: '已撤回' }, none: '没有此状态的提案。',
      actions: {
        addOrganization: '新增机构', removeOrganization: '移除机构', setPolicy: '修改策略', setFinality: '修改最终性策略', registerContractVersion: '登记合约版本',
        registerProcedure: '登记流程定义', retireProcedure: '停用流程定义', setCalendar: '设置工作日历',
      },
      proposedBy: '由 {{member}}（{{org}}）在区块 {{height}} 提出', transaction: '交易', payload: '提案内容', policy: '所需批准', approvals: '已批准',
      needs: '尚需批准：已满足 {{has}} / {{needed}}（{{clause}}）', met: '已满足策略。', inForce: '已通过，自区块 {{height}} 起生效。',
      approve: '批准', withdraw: '撤回',
    },
    propose: {
      title: '发起提案', hint: '您的批准会立即计入。', kind: '提案类型', proposalTitle: '标题', policyName: '策略名称（如 notary.anchor）', currentPolicy: '现行策略',
      newPolicy: '新策略', nameZh: '中文名称', nameEn: '英文名称', caCertificate: '根证书（PEM）', submit: '提交提案',
    },
    nodes: {
      live: '本节点运行状态', liveHint: '为本控制台提供服务的节点，每 5 秒读取 /healthz 与 /metrics；其他节点请在各自的地址查看。', status: '状态', healthy: '正常', unhealthy: '异常（{{status}}）', height: '链高度（/healthz）', metricsHeight: '链高度（/metrics）', pending: '待出块交易', checkedAt: '检查时间',
      title: '节点与最终性', subtitle: '创世文件中的排序节点、执行节点和最终性策略。', keys: '节点密钥', finality: '最终性策略', noFinality: '未设置（单节点模式）',
    },
  },
  procedures: {
    title: '流程定义', subtitle: '由治理登记在账本上的流程定义，以及它们的状态图。', none: '尚未登记任何流程定义。', id: '流程代码', status: { active: '使用中', retired: '已停用' },
    from: '生效', fromHeight: '自区块 {{height}}', hash: '定义哈希', adoptedBy: '登记交易', diagramLabel: '{{title}} 状态图', mermaid: 'Mermaid 文本', withdraw: '撤回',
  },
  cases: {
    open: { procedure: '程序', hint: '对{{subject}}立案；立案交易由您本人签名，案件编号即交易编号。', submit: '立案' },
    boardTitle: '案件看板', boardSubtitle: '本机构的进行中案件，以及等待您的角色处理的案件，按状态分列。', none: '没有进行中的案件。', due: '期限', overdue: '已逾期',
    caseId: '案件编号 {{id}}', current: '当前状态', state: '状态', org: '立案机构', opened: '立案时间', awaiting: '待处理角色', deadlines: '期限',
    lastDay: '最后一天 {{day}}', deadlineStatus: { running: '进行中', met: '已按期完成', fired: '已自动处理', overdue: '已逾期', late: '逾期完成' },
    diagram: '流程图', history: '办理记录', actions: '可执行的操作', noActions: '您的角色目前不能对此案件执行操作。', closed: '案件已结束。', evidence: '证据材料',
    kind: { open: '立案', step: '办理', approve: '批准', reject: '退回', withdraw: '撤回', comment: '备注', extend: '延期', deadline: '期限到达' },
    byDeadline: '系统（期限）', transaction: '交易 {{txId}}…', take: '执行此步骤', approve: '批准此步骤', needsApprovals: '此步骤需要 {{count}} 人批准。',
    evidenceHash: '证据文件哈希：{{type}}', addRow: '添加一行', removeRow: '删除此行',
  },
};
