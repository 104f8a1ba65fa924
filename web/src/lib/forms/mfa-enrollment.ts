import { z } from 'zod';

/**
 * The new secret, QR code and backup codes, shown once. They are not kept on the server; the
 * confirmation form carries them back so that a mistyped code does not lose the QR code.
 */
export const enrollmentSchema = z.object({
  secret: z.string().regex(/^[A-Z2-7]+=*$/).max(128),
  otpauthUrl: z.string().startsWith('otpauth://').max(1024),
  qrCodeDataUrl: z.string().regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/=]+$/).max(200_000),
  backupCodes: z.array(z.string().max(32)).max(20),
});

export type MfaEnrollment = z.infer<typeof enrollmentSchema>;

export function readEnrollment(value: string): MfaEnrollment | null {
  try {
    const parsed = enrollmentSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
