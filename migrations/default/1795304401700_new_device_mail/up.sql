-- A sign-in from a browser that is not one of the account's known devices is told to its owner
-- (notification_preferences.new_device_sign_in turns it off).
insert into public.notification_templates (value, comment) values
  ('NEW_DEVICE_SIGN_IN', 'Someone signed in to your account from a new browser or device');
