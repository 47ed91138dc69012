// admin.onSales.*: list, schedule, update, and the status controls of an event's on-sale windows.
// Thin: validate, call core (which writes Postgres and mirrors the window into Redis), return.
import {
  ZAdminOnSaleWindow,
  ZListOnSalesRequest,
  ZListOnSalesResponse,
  ZOnSaleWindowIdRequest,
  ZScheduleOnSaleRequest,
  ZUpdateOnSaleRequest,
} from '@tessera/contracts/on-sales';
import {
  controlOnSaleWindow,
  type OnSaleControl,
} from '@tessera/core/on-sales/control-on-sale-window';
import { listOnSaleWindows } from '@tessera/core/on-sales/list-on-sale-windows';
import {
  scheduleOnSaleWindow,
  updateOnSaleWindowSettings,
} from '@tessera/core/on-sales/schedule-on-sale-window';
import { router } from '../../../init.ts';
import { adminProcedure } from '../../../procedures.ts';

const control = (action: OnSaleControl) =>
  adminProcedure
    .input(ZOnSaleWindowIdRequest)
    .output(ZAdminOnSaleWindow)
    .mutation(async ({ ctx, input }) => {
      const window = await controlOnSaleWindow({
        prisma: ctx.prisma,
        redis: ctx.redis,
        prefix: ctx.config.redisPrefix,
        id: input.id,
        action,
      });
      ctx.checkout.saleInfo.forget(window.eventId);
      await ctx.catalogCache?.invalidate(`on-sale window of event ${window.eventId}`);
      return window;
    });

export const adminOnSalesRouter = router({
  list: adminProcedure
    .input(ZListOnSalesRequest)
    .output(ZListOnSalesResponse)
    .query(({ ctx, input }) => listOnSaleWindows({ prisma: ctx.prisma, eventId: input.eventId })),
  schedule: adminProcedure
    .input(ZScheduleOnSaleRequest)
    .output(ZAdminOnSaleWindow)
    .mutation(async ({ ctx, input: { eventId, ...settings } }) => {
      const window = await scheduleOnSaleWindow({
        prisma: ctx.prisma,
        redis: ctx.redis,
        prefix: ctx.config.redisPrefix,
        eventId,
        settings,
      });
      // Holds read the per-fan limit from the sale-info cache: drop this event's entry now.
      ctx.checkout.saleInfo.forget(eventId);
      await ctx.catalogCache?.invalidate(`on-sale window of event ${eventId}`);
      return window;
    }),
  update: adminProcedure
    .input(ZUpdateOnSaleRequest)
    .output(ZAdminOnSaleWindow)
    .mutation(async ({ ctx, input }) => {
      const window = await updateOnSaleWindowSettings({
        prisma: ctx.prisma,
        redis: ctx.redis,
        prefix: ctx.config.redisPrefix,
        id: input.id,
        changes: input.changes,
      });
      ctx.checkout.saleInfo.forget(window.eventId);
      await ctx.catalogCache?.invalidate(`on-sale window of event ${window.eventId}`);
      return window;
    }),
  pause: control('pause'),
  resume: control('resume'),
  end: control('end'),
  cancel: control('cancel'),
});
