import type { SalesOrderStatus } from '@portal/common';
import { day, documentNumber, fact, money, pages, shipment, type MailCatalogue, type MessageInput } from './message-types.ts';

const ORDER_STATUS: Record<SalesOrderStatus, string> = {
  CONFIRMED: '已确认',
  IN_PRODUCTION: '生产中',
  SHIPPED: '已发货',
  DELIVERED: '已送达',
  ON_HOLD: '已暂停',
  CANCELLED: '已取消',
};
const newStatus = ({ facts }: MessageInput) => ORDER_STATUS[fact(facts, 'to_status') as SalesOrderStatus] ?? fact(facts, 'to_status');

const PROOF_DECISIONS_ZH: Record<string, string> = {
  APPROVED: '已批准',
  APPROVED_WITH_CHANGES: '修改后批准',
  REVISION_REQUESTED: '要求修改',
  WITHDRAWN: '已撤回决定',
};

/** Customers' and staff's emails in Simplified Chinese. */
export const ZH_CN: MailCatalogue = {
  greeting: (name) => (name ? `${name}，您好：` : '您好：'),
  signOff: (printer) => `${printer}`,
  securityNote: '此邮件事关您的账户安全，无法退订。如果这不是您本人的操作，请立即重置密码。',
  preferencesNote: '您可以在个人资料页面选择接收哪些邮件。',
  linkLead: '打开：',
  messages: {
    EMAIL_VERIFICATION: ({ portal, token }) => ({
      subject: '请确认您的电子邮件地址',
      paragraphs: ['请确认您的电子邮件地址以完成账户设置。该链接只能使用一次，24 小时内有效。'],
      action: { label: '确认我的电子邮件地址', href: portal('/verify-email', { token: token ?? '' }) },
    }),
    PASSWORD_RESET: ({ portal, token }) => ({
      subject: '重置您的密码',
      paragraphs: ['有人请求重置您的密码。该链接只能使用一次，1 小时内有效。如果这不是您本人的操作，请忽略此邮件，您的密码不会改变。'],
      action: { label: '设置新密码', href: portal('/reset-password', { token: token ?? '' }) },
    }),
    PASSWORD_CHANGED: ({ facts, portal }) => ({
      subject: '您的密码已更改',
      paragraphs: [fact(facts, 'by') === 'reset' ? '您的密码已通过发送到此地址的链接重置。' : '您的密码已更改。', '其他所有会话均已退出登录。'],
      action: { label: '查看安全设置', href: portal('/profile/security') },
    }),
    MFA_CHANGED: ({ facts, portal }) => ({
      subject: '您的双重身份验证设置已更改',
      paragraphs: [facts.enabled === true ? '您的账户已开启双重身份验证。' : '您的账户已关闭双重身份验证。'],
      action: { label: '查看安全设置', href: portal('/profile/security') },
    }),
    QUOTE_PRICED: (input) => ({
      subject: `报价单 ${documentNumber(input.facts)} 已可供您确认`,
      paragraphs: [
        `报价单 ${documentNumber(input.facts)} 已完成报价${money(input.facts, input.language) ? `，金额为 ${money(input.facts, input.language)}` : ''}。`,
        day(input.facts, 'valid_until', input.language) ? `报价有效期至 ${day(input.facts, 'valid_until', input.language)}。` : '请查看并批准、拒绝或要求修改。',
      ],
      action: { label: '查看报价单', href: pages.quote(input) },
    }),
    QUOTE_REQUESTED: (input) => ({
      subject: `新的报价请求 ${documentNumber(input.facts)}`,
      paragraphs: [`客户提交了报价请求 ${documentNumber(input.facts)}，正在报价队列中等待处理。`],
      action: { label: '为报价单定价', href: pages.staffQuote(input) },
    }),
    QUOTE_APPROVED: (input) => ({
      subject: `报价单 ${documentNumber(input.facts)} 已获批准`,
      paragraphs: [`客户已批准报价单 ${documentNumber(input.facts)}${fact(input.facts, 'order_number') ? `，已生成订单 ${fact(input.facts, 'order_number')}` : ''}。`],
      action: { label: '打开报价单', href: pages.staffQuote(input) },
    }),
    QUOTE_REJECTED: (input) => ({
      subject: `报价单 ${documentNumber(input.facts)} 已被拒绝`,
      paragraphs: [`客户拒绝了报价单 ${documentNumber(input.facts)}。`, ...(fact(input.facts, 'reason') ? [`原因：${fact(input.facts, 'reason')}`] : [])],
      action: { label: '打开报价单', href: pages.staffQuote(input) },
    }),
    QUOTE_CHANGES_REQUESTED: (input) => ({
      subject: `客户要求修改报价单 ${documentNumber(input.facts)}`,
      paragraphs: [`客户要求修改报价单 ${documentNumber(input.facts)}。`, ...(fact(input.facts, 'notes') ? [`客户留言：${fact(input.facts, 'notes')}`] : [])],
      action: { label: '打开报价单', href: pages.staffQuote(input) },
    }),
    ORDER_PLACED: (input) => ({
      subject: `新订单 ${documentNumber(input.facts)}`,
      paragraphs: [`客户下了订单 ${documentNumber(input.facts)}。`],
      action: { label: '打开订单', href: pages.staffOrder(input) },
    }),
    ORDER_STATUS_CHANGED: (input) => ({
      subject: `订单 ${documentNumber(input.facts)}：${newStatus(input)}`,
      paragraphs: [`订单 ${documentNumber(input.facts)} 的状态现为：${newStatus(input)}。`],
      action: { label: '打开订单', href: pages.order(input) },
    }),
    ORDER_SHIPPED: (input) => {
      const { carrier, number, tracking } = shipment(input.facts);
      return {
        subject: `订单 ${documentNumber(input.facts)} 已发货`,
        paragraphs: [`订单 ${documentNumber(input.facts)} 已发出。`, ...(number ? [`${carrier ? `${carrier} ` : ''}运单号：${number}`] : [])],
        action: { label: '打开订单', href: pages.order(input) },
        ...(tracking ? { link: { label: `在 ${carrier} 查询物流`, href: tracking } } : {}),
      };
    },
    ARTWORK_INFECTED: ({ facts, portal }) => ({
      subject: `${fact(facts, 'customer_name') || '客户'}上传的文件中发现病毒`,
      paragraphs: [
        `病毒扫描在 ${fact(facts, 'customer_name') || '客户'}上传的 ${fact(facts, 'file_name')} 中发现了 ${fact(facts, 'signature') || '威胁'}。`,
        '该文件已被隔离，无法下载。请向客户索取干净的副本。',
      ],
      action: { label: '打开员工区', href: portal('/staff') },
    }),
    PROOF_READY: (input) => ({
      subject: `订单 ${documentNumber(input.facts)} 的校样已可供审阅`,
      paragraphs: [`订单 ${documentNumber(input.facts)} 有新的校样等待您批准。批准后即开始生产。`],
      action: { label: '审阅校样', href: pages.proof(input) },
    }),
    PROOF_DECIDED: (input) => ({
      subject: `订单 ${documentNumber(input.facts)} 的校样 v${fact(input.facts, 'version')}：${PROOF_DECISIONS_ZH[fact(input.facts, 'decision')] ?? fact(input.facts, 'decision')}`,
      paragraphs: [
        `${fact(input.facts, 'decided_by_name') || '客户'}：${PROOF_DECISIONS_ZH[fact(input.facts, 'decision')] ?? fact(input.facts, 'decision')}（第 ${fact(input.facts, 'line_number')} 行，第 ${fact(input.facts, 'version')} 版）。`,
        ...(fact(input.facts, 'comment') ? [`留言：${fact(input.facts, 'comment')}`] : []),
      ],
      action: { label: '打开校样', href: pages.staffProof(input) },
    }),
    INVITATION: ({ facts, portal, token }) => ({
      subject: `${fact(facts, 'invited_by_name') || '您的同事'}邀请您使用 ${fact(facts, 'customer_name')} 的客户门户`,
      paragraphs: [
        `${fact(facts, 'invited_by_name') || '贵公司的门户管理员'}邀请您在门户中跟进 ${fact(facts, 'customer_name')} 的订单、报价和校样。`,
        '请填写姓名并设置密码以接受邀请。该链接仅能使用一次，7 天内有效。',
      ],
      action: { label: '接受邀请', href: portal('/invitation', { token: token ?? '' }) },
    }),
    REGISTRATION_PENDING: ({ facts, portal }) => ({
      subject: `${fact(facts, 'registrant_name') || '有人'}正在等待您的批准`,
      paragraphs: [
        `${fact(facts, 'registrant_name')}（${fact(facts, 'registrant_email')}）已注册 ${fact(facts, 'customer_name')} 的账户并确认了邮箱。`,
        '您批准后对方即可登录。如果您不认识此人，请拒绝。',
      ],
      action: { label: '审核注册', href: portal('/company/users') },
    }),
    ACCOUNT_APPROVED: ({ facts, portal }) => ({
      subject: '您的门户账户已获批准',
      paragraphs: [`您在 ${fact(facts, 'customer_name')} 的账户已获批准，现在可以登录了。`],
      action: { label: '登录', href: portal('/sign-in') },
    }),
    NEW_DEVICE_SIGN_IN: ({ facts, portal, language }) => ({
      subject: '您的账户有新的登录',
      paragraphs: [
        `您的账户刚刚从一个以前未使用过的浏览器登录${fact(facts, 'ip_address') ? `，地址为 ${fact(facts, 'ip_address')}` : ''}${day(facts, 'signed_in_at', language) ? `，时间为 ${day(facts, 'signed_in_at', language)}` : ''}。`,
        ...(fact(facts, 'user_agent') ? [`浏览器：${fact(facts, 'user_agent')}`] : []),
        '如果是您本人，无需任何操作。如果不是，请立即更改密码，并在安全设置页面结束该会话。',
      ],
      action: { label: '查看登录位置', href: portal('/profile/security') },
    }),
    SIGN_IN_ATTACK: ({ portal }) => ({
      subject: '您的账户出现多次登录失败',
      paragraphs: [
        '最近几分钟内，有人在您从未登录过的地方多次尝试错误的密码登录您的账户。',
        '在此期间，只有您以前登录过的浏览器（以及开启了双重验证的账户）可以登录。如果您的密码较弱或在别处使用过，请更改密码；开启双重验证可以保护您的账户。',
      ],
      action: { label: '查看安全设置', href: portal('/profile/security') },
    }),
  },
};
