// Admin on-sale windows (admin.onSales.*): what an admin may schedule, and the rules a window obeys.
import { z } from 'zod';
import { ZIsoDate } from './catalog.ts';

export const ZAdmissionMode = z.enum(['PACE', 'CAP', 'INVENTORY']);
export type AdmissionMode = z.infer<typeof ZAdmissionMode>;
export const ZOnSaleStatus = z.enum(['SCHEDULED', 'OPEN', 'PAUSED', 'ENDED', 'CANCELLED']);
export type OnSaleStatus = z.infer<typeof ZOnSaleStatus>;

/** Most seats a fan may hold in one window (one hold request names at most 10). */
export const MAX_PER_FAN_SEAT_LIMIT = 20;

const ZDateInput = z.coerce.date({ error: 'Enter a date and time.' });

/** The settings an admin chooses; the same fields for scheduling and (partially) updating. */
export const ZOnSaleWindowSettings = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the window a name.')
    .max(80, 'Keep the name under 80 characters.'),
  startsAt: ZDateInput,
  endsAt: ZDateInput,
  /** Fans must enter this code to hold seats in the window (presales); null for a general sale. */
  presaleCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,40}$/, 'Use 4 to 40 letters, digits or dashes.')
    .nullable()
    .default(null),
  waitingRoomEnabled: z.boolean().default(false),
  /** When fans may start joining the pre-queue (before startsAt); null: the queue opens at the start. */
  preQueueOpensAt: ZDateInput.nullable().default(null),
  admissionMode: ZAdmissionMode.default('PACE'),
  /** PACE: fans admitted per minute (required); INVENTORY: optional upper bound on the pace. */
  admissionRatePerMinute: z.number().int().min(1).max(100_000).nullable().default(null),
  /** CAP: most fans shopping at once (required). */
  maxActiveShoppers: z.number().int().min(1).max(1_000_000).nullable().default(null),
  shopperSessionSeconds: z
    .number()
    .int()
    .min(60, 'A shopper session lasts at least 60 seconds.')
    .max(3600, 'A shopper session lasts at most an hour.')
    .default(600),
  perFanSeatLimit: z.number().int().min(1).max(MAX_PER_FAN_SEAT_LIMIT).default(6),
  /** A fan unseen this long at the head of the queue is skipped until they come back. */
  graceSeconds: z
    .number()
    .int()
    .min(10, 'Allow at least 10 seconds before skipping an absent fan.')
    .max(3600, 'Skip absent fans within an hour.')
    .default(60),
});
export type OnSaleWindowSettings = z.infer<typeof ZOnSaleWindowSettings>;

/**
 * The rules a complete window must satisfy, as field → message (empty when valid). Shared by the
 * schedule schema and the update service (which checks the merged result).
 */
export const onSaleWindowProblems = (w: OnSaleWindowSettings): Record<string, string> => {
  const problems: Record<string, string> = {};
  if (w.endsAt.getTime() <= w.startsAt.getTime())
    problems.endsAt = 'The window must end after it starts.';
  if (!w.waitingRoomEnabled) {
    if (w.preQueueOpensAt) problems.preQueueOpensAt = 'A pre-queue needs the waiting room on.';
    return problems;
  }
  if (w.preQueueOpensAt && w.preQueueOpensAt.getTime() >= w.startsAt.getTime())
    problems.preQueueOpensAt = 'The pre-queue must open before the window starts.';
  if (w.admissionMode === 'PACE' && w.admissionRatePerMinute === null)
    problems.admissionRatePerMinute = 'A paced waiting room needs fans per minute.';
  if (w.admissionMode === 'CAP' && w.maxActiveShoppers === null)
    problems.maxActiveShoppers = 'A capped waiting room needs the most shoppers at once.';
  return problems;
};

const withRules = <T extends z.ZodType<OnSaleWindowSettings>>(schema: T) =>
  schema.superRefine((w, ctx) => {
    for (const [path, message] of Object.entries(onSaleWindowProblems(w)))
      ctx.addIssue({ code: 'custom', path: [path], message });
  });

export const ZScheduleOnSaleRequest = withRules(
  ZOnSaleWindowSettings.extend({ eventId: z.string().uuid('Unknown event.') }),
);
export type ScheduleOnSaleRequest = z.input<typeof ZScheduleOnSaleRequest>;

const ZWindowId = z.string().uuid('Unknown on-sale window.');

/** Only the fields sent change; the merged window is checked against the same rules. */
export const ZUpdateOnSaleRequest = z.object({
  id: ZWindowId,
  changes: z
    .object({
      name: ZOnSaleWindowSettings.shape.name,
      startsAt: ZDateInput,
      endsAt: ZDateInput,
      presaleCode: ZOnSaleWindowSettings.shape.presaleCode.unwrap(),
      waitingRoomEnabled: z.boolean(),
      preQueueOpensAt: ZDateInput.nullable(),
      admissionMode: ZAdmissionMode,
      admissionRatePerMinute: ZOnSaleWindowSettings.shape.admissionRatePerMinute.unwrap(),
      maxActiveShoppers: ZOnSaleWindowSettings.shape.maxActiveShoppers.unwrap(),
      shopperSessionSeconds: ZOnSaleWindowSettings.shape.shopperSessionSeconds.unwrap(),
      perFanSeatLimit: ZOnSaleWindowSettings.shape.perFanSeatLimit.unwrap(),
      graceSeconds: ZOnSaleWindowSettings.shape.graceSeconds.unwrap(),
    })
    .partial()
    .strict()
    .refine((c) => Object.keys(c).length > 0, 'Change at least one setting.'),
});
export type UpdateOnSaleRequest = z.input<typeof ZUpdateOnSaleRequest>;
export type OnSaleWindowChanges = z.infer<typeof ZUpdateOnSaleRequest>['changes'];

export const ZOnSaleWindowIdRequest = z.object({ id: ZWindowId });
export const ZListOnSalesRequest = z.object({ eventId: z.string().uuid('Unknown event.') });

/** What admins see of a window (the presale code included). */
export const ZAdminOnSaleWindow = z.object({
  id: z.string().uuid(),
  eventId: z.string().uuid(),
  name: z.string(),
  startsAt: ZIsoDate,
  endsAt: ZIsoDate,
  presaleCode: z.string().nullable(),
  waitingRoomEnabled: z.boolean(),
  preQueueOpensAt: ZIsoDate.nullable(),
  admissionMode: ZAdmissionMode,
  admissionRatePerMinute: z.number().int().nullable(),
  maxActiveShoppers: z.number().int().nullable(),
  shopperSessionSeconds: z.number().int(),
  perFanSeatLimit: z.number().int(),
  graceSeconds: z.number().int(),
  status: ZOnSaleStatus,
  lotteryCommitment: z.string().nullable(),
  lotterySeed: z.string().nullable(),
});
export type AdminOnSaleWindow = z.infer<typeof ZAdminOnSaleWindow>;

export const ZListOnSalesResponse = z.object({ windows: z.array(ZAdminOnSaleWindow) });
