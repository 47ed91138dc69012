// Account request/response schemas: the contract between api, web and tests.
import { z } from 'zod';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is too long.')
  .email('Enter a valid email address, like name@example.com.');

/** At least 10 characters, with a letter and a digit; at most 200 (argon2 cost stays bounded). */
export const ZNewPassword = z
  .string()
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.')
  .regex(/[A-Za-z]/, 'Include at least one letter.')
  .regex(/\d/, 'Include at least one digit.');

export const ZRegisterRequest = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.'),
  password: ZNewPassword,
});
export type RegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1, 'Enter your password.').max(200),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZUserRole = z.enum(['FAN', 'ADMIN']);
export type UserRole = z.infer<typeof ZUserRole>;

export const ZPublicUser = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  role: ZUserRole,
});
export type PublicUser = z.infer<typeof ZPublicUser>;

export const ZMeResponse = z.object({ user: ZPublicUser.nullable() });
export type MeResponse = z.infer<typeof ZMeResponse>;
