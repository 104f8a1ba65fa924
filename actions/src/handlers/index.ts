import type { Action } from '../http/define-action.ts';
import { customerAcceptInvitation } from './customer-accept-invitation.ts';
import { customerFinishRequiredMfa } from './customer-finish-required-mfa.ts';
import { customerStartRequiredMfa } from './customer-start-required-mfa.ts';
import { customerAdminAddEmailDomain } from './customer-admin-add-email-domain.ts';
import { customerAdminApproveUser } from './customer-admin-approve-user.ts';
import { customerAdminEndUserSessions } from './customer-admin-end-user-sessions.ts';
import { customerAdminInviteUser } from './customer-admin-invite-user.ts';
import { customerAdminRemoveEmailDomain } from './customer-admin-remove-email-domain.ts';
import { customerAdminUpdateUser } from './customer-admin-update-user.ts';
import { artworkDownloadUrl } from './artwork-download-url.ts';
import { customerConfirmArtworkUpload } from './customer-confirm-artwork-upload.ts';
import { customerRequestArtworkUpload } from './customer-request-artwork-upload.ts';
import { customerApproveQuote } from './customer-approve-quote.ts';
import { customerChangePassword } from './customer-change-password.ts';
import { customerDisableMFA } from './customer-disable-mfa.ts';
import { customerEnrollMFA } from './customer-enroll-mfa.ts';
import { customerLoginMfa } from './customer-login-mfa.ts';
import { customerLogin } from './customer-login.ts';
import { customerLogout } from './customer-logout.ts';
import { customerMe } from './customer-me.ts';
import { customerRefreshToken } from './customer-refresh-token.ts';
import { customerRegister } from './customer-register.ts';
import { customerRejectQuote } from './customer-reject-quote.ts';
import { customerReorder } from './customer-reorder.ts';
import { customerRequestPasswordReset } from './customer-request-password-reset.ts';
import { customerRequestQuoteChanges } from './customer-request-quote-changes.ts';
import { customerResendVerificationEmail } from './customer-resend-verification-email.ts';
import { customerResetPassword } from './customer-reset-password.ts';
import { customerRevokeSession } from './customer-revoke-session.ts';
import { customerSessions } from './customer-sessions.ts';
import { customerVerifyEmail } from './customer-verify-email.ts';
import { customerVerifyMFA } from './customer-verify-mfa.ts';
import { integratorToken } from './integrator-token.ts';
import { staffPriceQuote } from './staff-price-quote.ts';
import { customerApproveProof } from './customer-approve-proof.ts';
import { customerRequestProofRevision } from './customer-request-proof-revision.ts';
import { customerWithdrawProofDecision } from './customer-withdraw-proof-decision.ts';
import { proofAddComment } from './proof-add-comment.ts';
import { proofFileUrl } from './proof-file-url.ts';
import { proofRecordView } from './proof-record-view.ts';
import { proofResolveComment } from './proof-resolve-comment.ts';
import { staffConfirmProofUpload } from './staff-confirm-proof-upload.ts';
import { staffLockProof } from './staff-lock-proof.ts';
import { staffPublishProof } from './staff-publish-proof.ts';
import { staffRequestProofUpload } from './staff-request-proof-upload.ts';
import { customerCreateApiKey } from './customer-create-api-key.ts';
import { customerRevokeApiKey } from './customer-revoke-api-key.ts';
import { customerCreateWebhookEndpoint } from './customer-create-webhook-endpoint.ts';
import { customerUpdateWebhookEndpoint } from './customer-update-webhook-endpoint.ts';
import { customerRotateWebhookSecret } from './customer-rotate-webhook-secret.ts';
import { customerSendWebhookTest } from './customer-send-webhook-test.ts';

/** Sign-in, account security and integrator tokens. */
export const ACCOUNT_ACTIONS: readonly Action[] = [
  customerRegister,
  customerVerifyEmail,
  customerResendVerificationEmail,
  customerLogin,
  customerLoginMfa,
  customerStartRequiredMfa,
  customerFinishRequiredMfa,
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

/** The quote's life and reordering. */
export const QUOTE_ACTIONS: readonly Action[] = [
  staffPriceQuote,
  customerApproveQuote,
  customerRejectQuote,
  customerRequestQuoteChanges,
  customerReorder,
];

/** Print files: upload, confirmation and download links. */
export const ARTWORK_ACTIONS: readonly Action[] = [customerRequestArtworkUpload, customerConfirmArtworkUpload, artworkDownloadUrl];

/** Proofs: publishing through the artwork pipeline, decisions, comments and the trail. */
export const PROOF_ACTIONS: readonly Action[] = [
  staffRequestProofUpload,
  staffConfirmProofUpload,
  staffPublishProof,
  staffLockProof,
  customerApproveProof,
  customerRequestProofRevision,
  customerWithdrawProofDecision,
  proofAddComment,
  proofResolveComment,
  proofRecordView,
  proofFileUrl,
];

/** A company's people and settings, managed by its administrators; accepting an invitation. */
export const COMPANY_ACTIONS: readonly Action[] = [
  customerAdminApproveUser,
  customerAdminUpdateUser,
  customerAdminEndUserSessions,
  customerAdminInviteUser,
  customerAcceptInvitation,
  customerAdminAddEmailDomain,
  customerAdminRemoveEmailDomain,
];

/** The company admin's integrations: API keys for the company's systems, webhook endpoints. */
export const INTEGRATION_ACTIONS: readonly Action[] = [
  customerCreateApiKey,
  customerRevokeApiKey,
  customerCreateWebhookEndpoint,
  customerUpdateWebhookEndpoint,
  customerRotateWebhookSecret,
  customerSendWebhookTest,
];

/** Every action the server handles; metadata/actions.yaml must list exactly these (a test checks). */
export const ACTIONS: readonly Action[] = [
  ...ACCOUNT_ACTIONS,
  ...QUOTE_ACTIONS,
  ...ARTWORK_ACTIONS,
  ...PROOF_ACTIONS,
  ...COMPANY_ACTIONS,
  ...INTEGRATION_ACTIONS,
];
