import { describe, expect, test } from 'vitest';
import { USER_ROLES } from '@portal/common';
import { CRON_JOBS } from '../src/cron/index.ts';
import { EVENT_HANDLERS } from '../src/events/index.ts';
import { ACTIONS, ARTWORK_ACTIONS, COMPANY_ACTIONS, INTEGRATION_ACTIONS, PROOF_ACTIONS, QUOTE_ACTIONS } from '../src/handlers/index.ts';
import { ACTION_SECRET_HEADER } from '../src/http/install-caller-check.ts';
import { METADATA_ACTIONS, METADATA_CRON_TRIGGERS, METADATA_EVENT_TRIGGERS, outputProblems } from './support/hasura-output.ts';

/** Actions a signed-out visitor (or a machine with an API key) may call. */
const PUBLIC = [
  'customerRegister',
  'customerVerifyEmail',
  'customerResendVerificationEmail',
  'customerLogin',
  'customerLoginMfa',
  'customerStartRequiredMfa',
  'customerFinishRequiredMfa',
  'customerRefreshToken',
  'customerLogout',
  'customerRequestPasswordReset',
  'customerResetPassword',
  'integratorToken',
];

/** Actions of the quote flows, each for the roles its rules allow (the handlers check the same). */
const QUOTE_ROLES: Record<string, string[]> = {
  staffPriceQuote: ['staff'],
  customerApproveQuote: ['customer_admin', 'customer_approver'],
  customerRejectQuote: ['customer_admin', 'customer_approver'],
  customerRequestQuoteChanges: ['customer_admin', 'customer_approver'],
  customerReorder: ['customer_admin', 'customer_approver', 'customer_user'],
};

/** Artwork: customers upload their own files; staff only download (integrators never see files). */
const ARTWORK_ROLES: Record<string, string[]> = {
  customerRequestArtworkUpload: ['customer_admin', 'customer_approver', 'customer_user'],
  customerConfirmArtworkUpload: ['customer_admin', 'customer_approver', 'customer_user'],
  artworkDownloadUrl: ['customer_admin', 'customer_approver', 'customer_user', 'staff'],
};

const CUSTOMERS = ['customer_admin', 'customer_approver', 'customer_user'];

/** Proofs: staff publish and lock; approvers and admins decide; everyone who sees a proof comments. */
const PROOF_ROLES: Record<string, string[]> = {
  staffRequestProofUpload: ['staff'],
  staffConfirmProofUpload: ['staff'],
  staffPublishProof: ['staff'],
  staffLockProof: ['staff'],
  customerApproveProof: ['customer_admin', 'customer_approver'],
  customerRequestProofRevision: ['customer_admin', 'customer_approver'],
  customerWithdrawProofDecision: ['customer_admin', 'customer_approver'],
  proofAddComment: [...CUSTOMERS, 'staff'],
  proofResolveComment: [...CUSTOMERS, 'staff'],
  proofRecordView: [...CUSTOMERS, 'staff'],
  proofFileUrl: [...CUSTOMERS, 'staff'],
};

/** A company's people and settings: its administrators only; an invitation is accepted signed out. */
const COMPANY_ROLES: Record<string, string[]> = {
  customerAdminApproveUser: ['customer_admin'],
  customerAdminUpdateUser: ['customer_admin'],
  customerAdminEndUserSessions: ['customer_admin'],
  customerAdminInviteUser: ['customer_admin'],
  customerAcceptInvitation: ['anonymous'],
  customerAdminAddEmailDomain: ['customer_admin'],
  customerAdminRemoveEmailDomain: ['customer_admin'],
};

/** Integrations (API keys, webhooks) are the company admin's alone. */
const INTEGRATION_ROLES: Record<string, string[]> = {
  customerCreateApiKey: ['customer_admin'],
  customerRevokeApiKey: ['customer_admin'],
  customerCreateWebhookEndpoint: ['customer_admin'],
  customerUpdateWebhookEndpoint: ['customer_admin'],
  customerRotateWebhookSecret: ['customer_admin'],
  customerSendWebhookTest: ['customer_admin'],
};

describe('metadata/actions.graphql + actions.yaml against the server', () => {
  test('list exactly the actions the server handles', () => {
    expect(METADATA_ACTIONS.map((action) => action.name).sort()).toEqual(ACTIONS.map((action) => action.name).sort());
  });

  test('send every call to its kebab-case path with the shared secret from the environment', () => {
    for (const action of ACTIONS) {
      const definition = METADATA_ACTIONS.find((candidate) => candidate.name === action.name)!.definition;
      expect(definition.handler).toBe(`{{ACTION_BASE_URL}}/${action.path}`);
      expect(definition.headers).toEqual([{ name: ACTION_SECRET_HEADER, value_from_env: 'ACTION_SECRET' }]);
      // Forwarded headers carry the client's address and user agent for throttling and the audit log.
      expect(definition.forward_client_headers).toBe(true);
    }
  });

  test('grant the public actions to anonymous, the quote, artwork, proof, company and integration actions to their roles, the rest to every signed-in person', () => {
    expect(Object.keys(QUOTE_ROLES).sort()).toEqual(QUOTE_ACTIONS.map((action) => action.name).sort());
    expect(Object.keys(ARTWORK_ROLES).sort()).toEqual(ARTWORK_ACTIONS.map((action) => action.name).sort());
    expect(Object.keys(PROOF_ROLES).sort()).toEqual(PROOF_ACTIONS.map((action) => action.name).sort());
    expect(Object.keys(COMPANY_ROLES).sort()).toEqual(COMPANY_ACTIONS.map((action) => action.name).sort());
    expect(Object.keys(INTEGRATION_ROLES).sort()).toEqual(INTEGRATION_ACTIONS.map((action) => action.name).sort());
    for (const action of METADATA_ACTIONS) {
      const roles = (action.permissions ?? []).map((permission) => permission.role);
      if (PUBLIC.includes(action.name)) expect(roles, action.name).toContain('anonymous');
      else if (QUOTE_ROLES[action.name]) expect([...roles].sort(), action.name).toEqual(QUOTE_ROLES[action.name]);
      else if (ARTWORK_ROLES[action.name]) expect([...roles].sort(), action.name).toEqual(ARTWORK_ROLES[action.name]);
      else if (COMPANY_ROLES[action.name]) expect(roles, action.name).toEqual(COMPANY_ROLES[action.name]);
      else if (PROOF_ROLES[action.name]) expect([...roles].sort(), action.name).toEqual([...PROOF_ROLES[action.name]!].sort());
      else if (INTEGRATION_ROLES[action.name]) expect(roles, action.name).toEqual(INTEGRATION_ROLES[action.name]);
      else expect([...roles].sort(), action.name).toEqual([...USER_ROLES].sort());
      expect(roles, action.name).not.toContain('integrator');
    }
  });

  test('make the read-only actions queries', () => {
    const queries = METADATA_ACTIONS.filter((action) => action.definition.type === 'query').map((action) => action.name);
    expect(queries.sort()).toEqual(['customerMe', 'customerSessions']);
  });
});

describe('metadata/cron_triggers.yaml against the server', () => {
  test('calls exactly the cron jobs the server runs, at /cron/<path>, with the shared secret', () => {
    expect(METADATA_CRON_TRIGGERS.map((trigger) => trigger.name).sort()).toEqual(CRON_JOBS.map((job) => job.trigger).sort());
    for (const job of CRON_JOBS) {
      const trigger = METADATA_CRON_TRIGGERS.find((candidate) => candidate.name === job.trigger)!;
      expect(trigger.webhook).toBe(`{{ACTION_BASE_URL}}/cron/${job.path}`);
      expect(trigger.headers).toEqual([{ name: ACTION_SECRET_HEADER, value_from_env: 'ACTION_SECRET' }]);
    }
  });
});

describe('the tables\' event triggers against the server', () => {
  test('call exactly the event handlers the server runs, at /events/<path>, with the shared secret', () => {
    expect(METADATA_EVENT_TRIGGERS.map((trigger) => trigger.name).sort()).toEqual(EVENT_HANDLERS.map((handler) => handler.trigger).sort());
    for (const handler of EVENT_HANDLERS) {
      const trigger = METADATA_EVENT_TRIGGERS.find((candidate) => candidate.name === handler.trigger)!;
      expect(trigger.webhook).toBe(`{{ACTION_BASE_URL}}/events/${handler.path}`);
      expect(trigger.headers).toEqual([{ name: ACTION_SECRET_HEADER, value_from_env: 'ACTION_SECRET' }]);
    }
  });
});

describe('the output check every test applies', () => {
  test('catches what Hasura would refuse', () => {
    const good = { accepted: true };
    expect(outputProblems('customerRegister', good)).toEqual([]);
    expect(outputProblems('customerRegister', { ...good, email: 'x' })).toEqual(['$: unexpected fields in webhook response: email']);
    expect(outputProblems('customerRegister', {})).toEqual(['$.accepted: expecting not null value']);
    expect(outputProblems('customerSessions', [{ id: 'nope' }])).toContain('$[0].id: not a uuid: "nope"');
    expect(outputProblems('customerLogin', { status: 'MAYBE' })).toContain('$.status: not a CustomerLoginStatus');
  });
});
