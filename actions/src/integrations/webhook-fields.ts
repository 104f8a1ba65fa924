import { z } from 'zod';

/** A webhook address as typed; checkWebhookUrl decides whether it is allowed. */
export const webhookUrl = z.string().trim().min(1).max(2000);

/** What the endpoint is for, in the admin's words; empty means none. */
export const webhookDescription = z
  .string()
  .trim()
  .max(500)
  .transform((value) => (value === '' ? null : value));
