import type { ErrorCode } from '@portal/common';
import { RefreshSessionDocument, SignOutDocument, type IssuedSessionFieldsFragment } from '../../graphql/__generated__/graphql.ts';
import { ApiError } from '../engine/api-error.ts';
import type { EngineApi } from '../engine/run-operation.ts';
import type { IssuedSession, TokenApi } from '../session/session-types.ts';

/** Codes with which the action server says a refresh token no longer names a live session. */
const SESSION_OVER: ReadonlySet<string> = new Set<ErrorCode>(['INVALID_REFRESH_TOKEN', 'SESSION_EXPIRED', 'VALIDATION_FAILED']);

export function toIssuedSession(fields: IssuedSessionFieldsFragment): IssuedSession {
  return {
    accessToken: fields.accessToken,
    accessTokenExpiresAt: Date.parse(fields.accessTokenExpiresAt),
    refreshToken: fields.refreshToken,
    refreshTokenExpiresAt: Date.parse(fields.refreshTokenExpiresAt),
    sessionId: fields.sessionId,
    user: { ...fields.user },
  };
}

/** Refresh and logout through the engine, as the anonymous role (the refresh token is the credential). */
export function tokenApi(anonymous: EngineApi): TokenApi {
  return {
    async refresh(refreshToken) {
      try {
        const data = await anonymous.mutate(RefreshSessionDocument, { refreshToken });
        return toIssuedSession(data.customerRefreshToken);
      } catch (error) {
        if (error instanceof ApiError && SESSION_OVER.has(error.code)) return null;
        throw error;
      }
    },
    async logout(refreshToken) {
      try {
        await anonymous.mutate(SignOutDocument, { refreshToken });
      } catch (error) {
        if (error instanceof ApiError && SESSION_OVER.has(error.code)) return;
        throw error;
      }
    },
  };
}
