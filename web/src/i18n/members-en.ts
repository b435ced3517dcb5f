import type { membersZh } from './members-zh.ts';

export const membersEn: typeof membersZh = {
  auth: {
    title: 'Sign in', subtitle: 'Sign in with your account on your organization’s node.', pleaseSignIn: 'Please sign in', signIn: 'Sign in', signingIn: 'Signing in…', signOut: 'Sign out',
    organization: 'Organization', memberId: 'Member id', password: 'Password', totp: 'One-time code', totpHint: 'This account uses two-step verification: enter the 6 digits from your authenticator app.',
    badCredentials: 'The organization, member id or password is wrong.', locked: 'Too many failed sign-ins: the account is locked. Try again in about {{minutes}} minutes.',
    expired: 'Your session has expired. Please sign in again.', signedOut: 'You have signed out.', signedInAs: 'Signed in as {{member}} ({{org}})',
    memberMenu: 'Member menu', roles: 'Roles',
    signingHint: 'While you are signed in, the node signs your actions with your own key; after you sign out it no longer holds that key.',
    notAllowed: 'Not allowed', notAllowedBody: 'Your roles ({{roles}}) do not open this page.',
  },
  signing: {
    withNode: 'Signing with: the key held by the node', withBrowser: 'Signing with: this browser’s key', withNothing: 'Signing with: waiting for your choice',
    browserHint: 'Your actions are signed in this browser. The private key cannot be exported and never leaves this browser: the node only relays your transactions and cannot sign for you.',
    turnOn: 'Keep my key in this browser', turnOnNew: 'Make a new key in this browser',
    turnOnHint: 'The browser makes a key that cannot be exported; your organization’s CA certifies it and you enroll it on the ledger yourself. From then on the node cannot sign for you.',
    phases: { generating: 'Generating the key…', certifying: 'Asking your organization’s CA to certify it…', enrolling: 'Enrolling the new key on the ledger…' },
    useNode: 'Use the key held by the node', useBrowserAgain: 'Use this browser’s key again', forget: 'Forget this browser’s key', keyId: 'Browser key:',
    noticeTitle: 'This browser’s signing key cannot be used',
    notices: {
      keyMissing: 'You chose to keep your signing key in this browser, but the key is gone (site data cleared, or another browser profile). The console submits nothing until you choose: make a new browser key, or use the key held by the node.',
      revoked: 'The certificate of this browser’s key has been revoked; it can no longer sign. Make a new browser key, or use the key held by the node.',
      expired: 'The certificate of this browser’s key has expired; it can no longer sign. Make a new browser key, or use the key held by the node.',
      notEnrolled: 'The ledger does not know this browser’s key (the network may have been reset). Make a new browser key, or use the key held by the node.',
    },
    unavailable: 'This browser’s signing key cannot be used, so nothing was submitted. Choose at the top of the page or in the member menu: make a new browser key, or use the key held by the node.',
    unsupported: 'This browser cannot keep a non-extractable Ed25519 key (it needs WebCrypto Ed25519 and HTTPS). Use the key held by the node.',
  },
  roles: {
    admin: 'Organization administrator', 'bureau.official': 'Bureau official', 'procuratorate.prosecutor': 'Prosecutor', 'court.judge': 'Judge', 'court.clerk': 'Court clerk',
    'health.official': 'Health official', 'charity.staff': 'Charity staff',
  },
  admin: {
    actingAs: 'Administrator: {{member}} ({{org}})',
    tabs: { organizations: 'Organizations', members: 'Members & certificates', governance: 'Governance', procedures: 'Procedures', nodes: 'Nodes & finality' },
    organizations: {
      title: 'Organizations', subtitle: 'The consortium’s organizations, their units and root certificates (CA).', id: 'Organization id', otherName: 'Chinese name', fingerprint: 'CA certificate fingerprint (SHA-256)',
      caExpiry: 'CA certificate valid until', units: 'Units', unitCount: '{{count}}', showUnits: 'Show units',
    },
    expiry: { expired: 'Expired', soon: 'Expires in {{count}} days' },
    members: {
      title: 'Members & certificates', subtitle: 'Members of your organization, their roles and certificates. Certificates expiring within 30 days are highlighted.', list: 'Members', expiryHint: 'Expired certificates are a top cause of consortium outages: renew them early.',
      memberId: 'Member id', roles: 'Roles', serial: 'Certificate serial', notAfter: 'Certificate expires', active: 'Active', revokedFrom: 'Revoked from block {{height}}',
      expiringCount: '{{count}} certificates expire within {{days}} days.',
    },
    enroll: {
      title: 'Enroll a member', hint: 'This node’s CA issues the certificate, an account is created and the member is enrolled on the ledger.', attributes: 'Attributes (optional, e.g. prison=JS-07, unit=district-3)',
      password: 'Initial password (at least 8 characters)', validForDays: 'Certificate validity (days)', totp: 'Two-step verification (one-time codes)', submit: 'Enroll member',
    },
    enrolled: {
      title: 'Enrolled {{member}}', publicKey: 'Public key', certificate: 'Certificate', totpQr: 'Two-step verification QR code',
      totpOnce: 'Have the member scan this QR code with an authenticator app now. The secret is shown only this once.', totpManual: 'If scanning is not possible, enter this secret by hand:', done: 'Done',
    },
    revoke: { button: 'Revoke', reason: 'Revoke the certificate of {{member}} because:', hint: 'Revocation is a ledger transaction, in force from the next block.', confirm: 'Revoke certificate' },
    governance: {
      title: 'Governance', subtitle: 'The network’s rules change only through proposals that collect the approvals their policy demands, in force from the next block.', proposals: 'Proposals',
      status: { open: 'Open', adopted: 'Adopted', withdrawn: 'Withdrawn' }, none: 'No proposals with this status.',
      actions: {
        addOrganization: 'Add an organization', removeOrganization: 'Remove an organization', setPolicy: 'Change a policy', setFinality: 'Change the finality policy', registerContractVersion: 'Register a contract version',
        registerProcedure: 'Register a procedure', retireProcedure: 'Retire a procedure', setCalendar: 'Set the working-day calendar',
      },
      proposedBy: 'proposed by {{member}} ({{org}}) at block {{height}}', transaction: 'transaction', payload: 'What it changes', policy: 'Approvals required', approvals: 'Approved by',
      needs: 'Still needed: {{has}} of {{needed}} met ({{clause}})', met: 'The policy is met.', inForce: 'Adopted, in force from block {{height}}.',
      approve: 'Approve', withdraw: 'Withdraw',
    },
    propose: {
      title: 'New proposal', hint: 'Your approval counts at once.', kind: 'Kind', proposalTitle: 'Title', policyName: 'Policy name (e.g. notary.anchor)', currentPolicy: 'Current policy',
      newPolicy: 'New policy', nameZh: 'Chinese name', nameEn: 'English name', caCertificate: 'Root CA certificate (PEM)', submit: 'Propose',
    },
    nodes: {
      live: 'This node, live', liveHint: 'The node serving this console, read from /healthz and /metrics every 5 seconds; other nodes are checked at their own addresses.', status: 'Status', healthy: 'Healthy', unhealthy: 'Unhealthy ({{status}})', height: 'Chain height (/healthz)', metricsHeight: 'Chain height (/metrics)', pending: 'Transactions waiting for a block', checkedAt: 'Checked at',
      title: 'Nodes & finality', subtitle: 'Orderer and node keys from the genesis document, and the finality policy.', keys: 'Node keys', finality: 'Finality policy', noFinality: 'Not set (solo mode)',
    },
  },
  procedures: {
    title: 'Procedures', subtitle: 'Procedure definitions registered on the ledger by governance, with their state diagrams.', none: 'No procedure is registered yet.', id: 'Procedure id', status: { active: 'Active', retired: 'Retired' },
    from: 'In force', fromHeight: 'from block {{height}}', hash: 'Definition hash', adoptedBy: 'Registered by', diagramLabel: 'State diagram of {{title}}', mermaid: 'Mermaid text', withdraw: 'withdraw',
  },
  cases: {
    open: { procedure: 'Procedure', hint: 'Opens a case on {{subject}}; you sign the opening transaction, and its id is the case id.', submit: 'Open case' },
    boardTitle: 'Case board', boardSubtitle: 'Open cases of your organization and cases waiting for your roles, by state.', none: 'No open cases.', due: 'Due', overdue: 'Overdue',
    caseId: 'Case {{id}}', current: 'Where it stands', state: 'State', org: 'Opened by', opened: 'Opened', awaiting: 'Waiting for', deadlines: 'Deadlines',
    lastDay: 'last day {{day}}', deadlineStatus: { running: 'running', met: 'met', fired: 'handled automatically', overdue: 'overdue', late: 'met late' },
    diagram: 'Procedure diagram', history: 'History', actions: 'What you can do', noActions: 'Your roles cannot act on this case now.', closed: 'The case is closed.', evidence: 'Evidence',
    kind: { open: 'Opened', step: 'Step', approve: 'Approval', reject: 'Rejected', withdraw: 'Withdrawn', comment: 'Comment', extend: 'Extended', deadline: 'Deadline' },
    byDeadline: 'system (deadline)', transaction: 'transaction {{txId}}…', take: 'Take this step', approve: 'Approve this step', needsApprovals: 'This step needs {{count}} approvals.',
    evidenceHash: 'Evidence document hash: {{type}}', addRow: 'Add a row', removeRow: 'Remove',
  },
};
