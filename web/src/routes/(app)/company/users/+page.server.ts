import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { CUSTOMER_ROLES } from '@portal/common';
import {
  ApproveCompanyUserDocument,
  CompanyPeopleDocument,
  EndCompanyUserSessionsDocument,
  InviteCompanyUserDocument,
  UpdateCompanyUserDocument,
} from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const ONLY_ADMINS = 'Only a portal administrator of your company manages its people.';

function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>) {
  const user = requireUser(event.locals, event.url);
  if (user.role !== 'customer_admin') error(403, ONLY_ADMINS);
  return user;
}

export const load: PageServerLoad = async (event) => {
  const admin = requireAdmin(event);
  const { people } = await event.locals.api.query(CompanyPeopleDocument, {});
  return { people, selfId: admin.id };
};

const userId = z.uuid();
const invitation = z.object({ email: z.string().trim().toLowerCase().max(254).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/), role: z.enum(CUSTOMER_ROLES) });

/** One person-changing form action: read the person's id, run the mutation, report in words. */
async function onPerson(event: RequestEvent, action: string, run: (id: string, form: FormData) => Promise<string>) {
  requireAdmin(event);
  const form = await event.request.formData();
  const id = userId.safeParse(formText(form, 'userId'));
  if (!id.success) return fail(400, { action, userId: '', message: 'That person is not on the list. Reload the page.', code: 'INPUT' });
  try {
    return { action, userId: id.data, done: await run(id.data, form) };
  } catch (caught) {
    return apiFailure(caught, { action, userId: id.data });
  }
}

export const actions: Actions = {
  approve: (event) =>
    onPerson(event, 'approve', async (id, form) => {
      const approve = formText(form, 'decision') === 'approve';
      await event.locals.api.mutate(ApproveCompanyUserDocument, { userId: id, approve });
      return approve ? 'Approved. We emailed them that they can sign in.' : 'Refused. They cannot sign in and are not listed to your company.';
    }),
  role: (event) =>
    onPerson(event, 'role', async (id, form) => {
      // The action server refuses anything but a customer role (VALIDATION_FAILED, in words).
      await event.locals.api.mutate(UpdateCompanyUserDocument, { userId: id, role: formText(form, 'role'), active: null });
      return 'The role is saved. It applies from their next page.';
    }),
  active: (event) =>
    onPerson(event, 'active', async (id, form) => {
      const active = formText(form, 'active') === 'true';
      await event.locals.api.mutate(UpdateCompanyUserDocument, { userId: id, role: null, active });
      return active ? 'Reactivated. They can sign in again.' : 'Deactivated and signed out everywhere.';
    }),
  sessions: (event) =>
    onPerson(event, 'sessions', async (id) => {
      const { customerAdminEndUserSessions } = await event.locals.api.mutate(EndCompanyUserSessionsDocument, { userId: id });
      const n = customerAdminEndUserSessions.endedSessions;
      return n === 0 ? 'They were not signed in anywhere.' : `Signed out of ${n} ${n === 1 ? 'session' : 'sessions'}.`;
    }),
  invite: async (event) => {
    requireAdmin(event);
    const form = await event.request.formData();
    const values = { email: formText(form, 'email'), role: formText(form, 'role') };
    const parsed = invitation.safeParse(values);
    if (!parsed.success) return fail(400, { action: 'invite', ...values, message: 'Enter an email address and choose a role.', code: 'INPUT' });
    try {
      await event.locals.api.mutate(InviteCompanyUserDocument, parsed.data);
    } catch (caught) {
      return apiFailure(caught, { action: 'invite', ...values });
    }
    return { action: 'invite', email: '', role: parsed.data.role, done: `Invitation sent to ${parsed.data.email}. The link works for 7 days.` };
  },
};
