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
import { m } from '$lib/paraglide/messages.js';
import { apiFailure, formText } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function requireAdmin(event: Pick<RequestEvent, 'locals' | 'url'>) {
  const user = requireUser(event.locals, event.url);
  if (user.role !== 'customer_admin') error(403, m.company_people_only_admins());
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
  if (!id.success) return fail(400, { action, userId: '', message: m.company_person_not_listed(), code: 'INPUT' });
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
      return approve ? m.company_person_approved() : m.company_person_refused();
    }),
  role: (event) =>
    onPerson(event, 'role', async (id, form) => {
      // The action server refuses anything but a customer role (VALIDATION_FAILED, in words).
      await event.locals.api.mutate(UpdateCompanyUserDocument, { userId: id, role: formText(form, 'role'), active: null });
      return m.company_role_saved();
    }),
  active: (event) =>
    onPerson(event, 'active', async (id, form) => {
      const active = formText(form, 'active') === 'true';
      await event.locals.api.mutate(UpdateCompanyUserDocument, { userId: id, role: null, active });
      return active ? m.company_reactivated() : m.company_deactivated();
    }),
  sessions: (event) =>
    onPerson(event, 'sessions', async (id) => {
      const { customerAdminEndUserSessions } = await event.locals.api.mutate(EndCompanyUserSessionsDocument, { userId: id });
      const n = customerAdminEndUserSessions.endedSessions;
      return n === 0 ? m.company_sessions_none() : m.company_sessions_ended({ count: n });
    }),
  invite: async (event) => {
    requireAdmin(event);
    const form = await event.request.formData();
    const values = { email: formText(form, 'email'), role: formText(form, 'role') };
    const parsed = invitation.safeParse(values);
    if (!parsed.success) return fail(400, { action: 'invite', ...values, message: m.company_invite_invalid(), code: 'INPUT' });
    try {
      await event.locals.api.mutate(InviteCompanyUserDocument, parsed.data);
    } catch (caught) {
      return apiFailure(caught, { action: 'invite', ...values });
    }
    return { action: 'invite', email: '', role: parsed.data.role, done: m.company_invite_sent({ email: parsed.data.email }) };
  },
};
