import type { NotificationTemplate } from '@portal/common';

/** The templates the sign-in flows send. */
export type AuthTemplate = Extract<NotificationTemplate, 'EMAIL_VERIFICATION' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED' | 'MFA_CHANGED'>;

/** Subject lines in the recipient's language; the sender renders the body from the template and payload. */
const SUBJECTS: Record<string, Record<AuthTemplate, string>> = {
  'en-US': {
    EMAIL_VERIFICATION: 'Confirm your email address',
    PASSWORD_RESET: 'Reset your password',
    PASSWORD_CHANGED: 'Your password was changed',
    MFA_CHANGED: 'Your two-factor authentication settings changed',
  },
  'zh-CN': {
    EMAIL_VERIFICATION: '请确认您的电子邮件地址',
    PASSWORD_RESET: '重置您的密码',
    PASSWORD_CHANGED: '您的密码已更改',
    MFA_CHANGED: '您的双重身份验证设置已更改',
  },
};

export function subjectFor(template: AuthTemplate, language: string): string {
  return (SUBJECTS[language] ?? SUBJECTS['en-US']!)[template];
}
