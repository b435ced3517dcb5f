/** Chinese (default). Keys are shared with en.ts, which must have the same shape. */
import { membersZh } from './members-zh.ts';
import { prisonZh } from './prison-zh.ts';
export const zhCN = {
  ...membersZh,
  ...prisonZh,
  app: { name: 'Custos 可信账本', tagline: '多机关共同运行的可信记录', publicAccess: '公开访问', skip: '跳到正文' },
  nav: { main: '主导航', explorer: '区块浏览', network: '网络信息', verify: '公开验证', prisonDashboard: '监狱总览', caseBoard: '案件看板', inbox: '待办', administration: '系统管理' },
  language: { label: '语言', 'zh-CN': '中文', en: 'English' },
  common: {
    working: '正在提交…', cancel: '取消', loading: '加载中…', retry: '重试', copy: '复制', copied: '已复制', none: '无', back: '返回',
    height: '区块高度', hash: '哈希', time: '时间', transactions: '交易', txCount: '交易数', status: '状态',
    signer: '签名者', download: '下载', open: '打开', show: '显示', hide: '隐藏',
  },
  errors: {
    PRISON_SCORE_ABOVE_CAP: '超过计分上限', PRISON_SCORE_DUPLICATE_DAY: '这一天已经录入过', PRISON_SCORE_NO_LABOUR_PART: '该罪犯不参加劳动', PRISON_OTHER_PRISON: '不能操作其他监狱的罪犯', PRISON_DATE_BEFORE_ADMISSION: '日期早于入监日期', PRISON_NOT_IN_CUSTODY: '罪犯不在押', PRISON_UNKNOWN_PRISONER: '没有这名罪犯', PRISON_NO_PRISON_ATTRIBUTE: '证书未注明所在监狱',
    AUTH_BAD_CREDENTIALS: '登录信息不正确', AUTH_LOCKED: '账号已临时锁定', AUTH_SESSION_EXPIRED: '登录已过期', AUTH_REQUIRED: '请先登录', ACCESS_DENIED: '无权执行此操作', GOV_ALREADY_APPROVED: '您已批准过此提案', GOV_PROPOSAL_CLOSED: '提案已结束', IDENTITY_CERT_REVOKED: '证书已被吊销', title: '出错了', network: '无法连接到节点，请检查网络后重试。', code: '错误代码：{{code}}',
    notFound: '没有找到该页面。', API_NOT_FOUND: '没有找到', LEDGER_TX_NOT_FOUND: '没有找到该交易', LEDGER_BLOCK_NOT_FOUND: '没有找到该区块',
  },
  explorer: {
    title: '区块浏览', subtitle: '实时显示新区块和交易。每笔交易都可以在您的浏览器里独立验证。',
    searchLabel: '查询', searchPlaceholder: '输入交易编号、文件哈希或区块高度',
    search: '查询', searching: '正在查询…',
    notFoundSearch: '没有找到与“{{query}}”对应的交易、文件或区块。',
    badQuery: '请输入区块高度（数字）或 64 位十六进制的交易编号／文件哈希。',
    latestBlocks: '最新区块', latestTransactions: '最新交易', noBlocks: '还没有区块。', noTransactions: '还没有交易。',
    live: '实时更新', reconnecting: '正在重新连接…', head: '当前高度 {{height}}',
    block: '区块 {{height}}', txs: '{{count}} 笔交易',
  },
  block: {
    title: '区块 {{height}}', header: '区块头', prevHash: '上一区块哈希', txRoot: '交易根', logSize: '账本日志长度', logRoot: '日志根',
    orderer: '排序节点', signature: '签名', checkpoints: '检查点', checkpointsHint: '执行此区块的节点对结果的签名。',
    stateRoot: '状态根', resultsRoot: '结果根', previous: '上一个区块', next: '下一个区块', signatureCheck: '区块头签名（在浏览器中验证）',
  },
  tx: {
    title: '交易', result: '执行结果', ok: '成功', failed: '失败', call: '调用', nonce: '随机数', submittedAt: '提交时间', block: '所在区块',
    seq: '账本序号', args: '参数', events: '事件', noEvents: '没有事件。', value: '返回值',
    proof: '包含证明', proofHint: '以下检查都在您的浏览器中完成，只使用网络公布的密钥，不依赖本节点的说法。',
    finality: '最终性', committed: '已提交', finalityHint: '已写入账本；多机关共同确认（最终性）将在联盟模式上线后显示。',
    document: '存证文件', documentTitle: '文件名称', documentType: '文件类型', documentHash: '文件哈希（SHA-256）',
    verificationCode: '验证码', verificationCodeHint: '用手机扫描此二维码，即可在公开验证页核验这条记录。',
    downloadProof: '下载证明（JSON）', openVerify: '在验证页打开',
  },
  network: {
    title: '网络信息', subtitle: '验证证明时所信任的公钥都来自网络的创世文件。请将下面的创世哈希与官方公布的值核对。',
    name: '网络名称', titleField: '网络标题', suite: '密码套件', created: '创建时间', genesisHash: '创世哈希',
    genesisHashComputed: '浏览器根据创世文件计算', genesisMatches: '与节点报告的创世哈希一致', genesisMismatch: '与节点报告的创世哈希不一致！',
    orderers: '排序节点公钥（签署区块头）', nodes: '记账节点公钥（签署检查点）', thisNode: '本节点公钥', txWindow: '交易时间窗口',
    txWindowValue: '区块时间前 {{age}} 分钟至后 {{skew}} 分钟', genesisDocument: '创世文件',
  },
  verify: {
    title: '公开验证', subtitle: '无需登录。核验一条记录是否真实写入账本、由谁签署、结果如何——所有计算都在您的浏览器中进行。',
    inputLabel: '验证码、交易编号、文件哈希或证明（JSON）',
    inputPlaceholder: '粘贴验证码、交易编号、文件哈希，或完整的证明 JSON',
    verify: '验证', verifying: '正在验证…', scan: '用摄像头扫码', scanImage: '从图片识别二维码', stopScan: '停止扫描',
    scanHint: '将二维码对准摄像头。', scanUnavailable: '无法使用摄像头：{{reason}}', noQrFound: '图片中没有找到二维码。',
    empty: '请先输入或扫描要验证的内容。', badJson: '无法读取证明：不是有效的 JSON（{{reason}}）。',
    unknownInput: '无法识别输入的内容。请粘贴验证码、64 位交易编号／文件哈希，或证明 JSON。',
    notFound: '没有找到与此编号对应的交易或存证文件。',
    valid: '验证通过：这条记录真实存在于账本中', invalid: '验证失败：这份证明不可信',
    failedCheck: '未通过的检查：{{checks}}',
    checks: '逐项检查', proves: '它证明了什么', doesNotProve: '它不能证明什么',
    record: '记录摘要', recordUnverified: '以下内容取自这份证明本身，但证明没有通过验证：请不要相信这些内容。', trust: '所信任的网络', trustHint: '密钥取自 {{origin}} 公布的创世文件。请将创世哈希与官方渠道公布的值核对；一致时，本验证不依赖该节点是否诚实。',
    compareLabel: '官方公布的创世哈希（可选）', compareMatch: '一致 ✓', compareMismatch: '不一致 ✗ —— 请勿信任此结果',
    unsupportedSuite: '此网络使用 {{suite}} 密码套件，浏览器暂只支持 ed25519-sha256。请使用命令行工具验证。',
    source: { pasted: '来源：粘贴的证明', fetched: '来源：从节点获取的证明（交易 {{txId}}）' },
  },
  checks: {
    ok: '通过', failed: '未通过',
    names: {
      network: '所属网络', 'transaction id': '交易编号', 'transaction signature': '交易签名', 'block header signature': '区块头签名',
      'inclusion in the ledger log': '已包含在账本日志中', 'checkpoint signature': '检查点签名', 'result in the checkpoint': '执行结果已被节点签署',
    },
    details: {
      ok: '通过', failed: '未通过', 'proof is malformed': '证明格式错误',
      'txId is not the hash of the transaction': '交易编号与交易内容的哈希不符',
      'signer did not sign this transaction': '签名者没有签署这笔交易（内容被改动或签名无效）',
      'header is signed by a key that is not a trusted orderer': '区块头的签名密钥不是受信任的排序节点',
      'orderer signature does not verify': '排序节点签名无效',
      'proof holds a value that is not hex': '证明中含有非十六进制的值',
      'audit path does not lead to the signed log root': '审计路径不能得到已签名的日志根',
      'checkpoint is signed by a key that is not a trusted node': '检查点的签名密钥不是受信任的节点',
      'checkpoint is for another block': '检查点属于另一个区块',
      'node signature does not verify': '节点签名无效',
      'result index is out of range': '结果序号超出范围',
      'result is not the one the node signed': '执行结果与节点签署的不一致',
    },
  },
  verdict: {
    proves: {
      signed: '公钥 {{signer}} 的持有者为网络 {{network}} 签署了这笔 {{call}} 交易。',
      included: '它是账本中的第 {{seq}} 笔交易，位于区块 {{height}}（区块时间 {{time}}），该区块头由受信任的排序节点签署。',
      executed: '受信任的节点执行了它，结果为“{{status}}”{{code}}。',
    },
    doesNotProve: {
      identity: '签名者的真实身份——公钥之外的身份要由身份证书证明。',
      growth: '此后账本是否只增不改——这需要获取更新的账本头和一致性证明。',
      facts: '交易中所陈述的事实本身是真实的——它只证明由谁、在何时记录了这些内容。',
    },
  },
  notFound: { title: '页面不存在', body: '您访问的页面不存在。', home: '回到区块浏览' },
};

export type Messages = typeof zhCN;
