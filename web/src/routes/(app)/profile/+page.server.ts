import { error, fail, redirect } from '@sveltejs/kit';
import { ProfileDocument, UpdateProfileDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { timeZoneChoices } from '$lib/time-zone-choices.ts';
import { parseProfileForm, preferenceTicks } from './profile-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** Saving redirects here with `?saved`: the next page is rendered in the language just chosen. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { profile } = await locals.api.query(ProfileDocument, { id: requireUser(locals, url).id });
  if (!profile) error(404, m.account_profile_not_found());
  const { notification_preferences, ...fields } = profile;
  return { profile: fields, preferences: preferenceTicks(notification_preferences), timeZones: timeZoneChoices(fields.timezone, getLocale()), saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const parsed = parseProfileForm(await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, message: m.account_needs_another_look(), code: 'INPUT' });
    try {
      const { profile } = await locals.api.mutate(UpdateProfileDocument, { id: user.id, set: parsed.set, preferences: parsed.preferences });
      if (!profile) return fail(404, { errors: {}, message: m.account_profile_not_found(), code: 'NOT_FOUND' });
      locals.session.updateUser({ firstName: profile.first_name, lastName: profile.last_name, preferredLanguage: profile.preferred_language, timezone: profile.timezone });
    } catch (caught) {
      return apiFailure(caught, { errors: {} as Record<string, string> });
    }
    redirect(303, '/profile?saved');
  },
};
