import type { Action } from '../http/define-action.ts';
import { customerChangePassword } from './customer-change-password.ts';
import { customerDisableMFA } from './customer-disable-mfa.ts';
import { customerEnrollMFA } from './customer-enroll-mfa.ts';
import { customerLoginMfa } from './customer-login-mfa.ts';
import { customerLogin } from './customer-login.ts';
import { customerLogout } from './customer-logout.ts';
import { customerMe } from './customer-me.ts';
import { customerRefreshToken } from './customer-refresh-token.ts';
import { customerRegister } from './customer-register.ts';
import { customerRequestPasswordReset } from './customer-request-password-reset.ts';
import { customerResendVerificationEmail } from './customer-resend-verification-email.ts';
import { customerResetPassword } from './customer-reset-password.ts';
import { customerRevokeSession } from './customer-revoke-session.ts';
import { customerSessions } from './customer-sessions.ts';
import { customerVerifyEmail } from './customer-verify-email.ts';
import { customerVerifyMFA } from './customer-verify-mfa.ts';
import { integratorToken } from './integrator-token.ts';

/** Every action the server handles; metadata/actions.yaml must list exactly these (a test checks). */
export const ACTIONS: readonly Action[] = [
  customerRegister,
  customerVerifyEmail,
  customerResendVerificationEmail,
  customerLogin,
  customerLoginMfa,
  customerRefreshToken,
  customerLogout,
  customerRequestPasswordReset,
  customerResetPassword,
  customerChangePassword,
  customerEnrollMFA,
  customerVerifyMFA,
  customerDisableMFA,
  customerSessions,
  customerRevokeSession,
  customerMe,
  integratorToken,
];
