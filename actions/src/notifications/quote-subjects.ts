import type { NotificationTemplate } from '@portal/common';

/** The templates of the quote and order flows. */
export type QuoteTemplate = Extract<
  NotificationTemplate,
  'QUOTE_PRICED' | 'QUOTE_APPROVED' | 'QUOTE_REJECTED' | 'QUOTE_CHANGES_REQUESTED' | 'QUOTE_REQUESTED' | 'ORDER_PLACED'
>;

type Subjects = Record<QuoteTemplate, (documentNumber: string) => string>;

/** Subject lines in the recipient's language, naming the quote or order. */
const SUBJECTS: Record<string, Subjects> = {
  'en-US': {
    QUOTE_PRICED: (n) => `Quote ${n} is ready for your decision`,
    QUOTE_APPROVED: (n) => `Quote ${n} was approved`,
    QUOTE_REJECTED: (n) => `Quote ${n} was rejected`,
    QUOTE_CHANGES_REQUESTED: (n) => `Changes were requested to quote ${n}`,
    QUOTE_REQUESTED: (n) => `New quote request ${n}`,
    ORDER_PLACED: (n) => `New order ${n}`,
  },
  'zh-CN': {
    QUOTE_PRICED: (n) => `报价单 ${n} 已可供您确认`,
    QUOTE_APPROVED: (n) => `报价单 ${n} 已获批准`,
    QUOTE_REJECTED: (n) => `报价单 ${n} 已被拒绝`,
    QUOTE_CHANGES_REQUESTED: (n) => `客户要求修改报价单 ${n}`,
    QUOTE_REQUESTED: (n) => `新的报价请求 ${n}`,
    ORDER_PLACED: (n) => `新订单 ${n}`,
  },
};

export function quoteSubject(template: QuoteTemplate, language: string, documentNumber: string): string {
  return (SUBJECTS[language] ?? SUBJECTS['en-US']!)[template](documentNumber);
}
