import { error, fail } from '@sveltejs/kit';
import { ProfileDocument, UpdateProfileDocument } from '$lib/graphql/__generated__/graphql.ts';
import { apiFailure } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/request-locals.ts';
import { parseProfileForm, preferenceTicks, timeZoneChoices } from './profile-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const { profile } = await locals.api.query(ProfileDocument, { id: requireUser(locals, url).id });
  if (!profile) error(404, 'We could not find your profile.');
  const { notification_preferences, ...fields } = profile;
  return { profile: fields, preferences: preferenceTicks(notification_preferences), timeZones: timeZoneChoices(fields.timezone) };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const parsed = parseProfileForm(await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, message: 'Some of the details need another look.', code: 'INPUT' });
    try {
      const { profile } = await locals.api.mutate(UpdateProfileDocument, { id: user.id, set: parsed.set, preferences: parsed.preferences });
      if (!profile) return fail(404, { errors: {}, message: 'We could not find your profile.', code: 'NOT_FOUND' });
      locals.session.updateUser({ firstName: profile.first_name, lastName: profile.last_name, preferredLanguage: profile.preferred_language, timezone: profile.timezone });
    } catch (caught) {
      return apiFailure(caught, { errors: {} as Record<string, string> });
    }
    return { saved: true };
  },
};
