delete from public.notifications where template = 'NEW_DEVICE_SIGN_IN';
delete from public.notification_templates where value = 'NEW_DEVICE_SIGN_IN';
