// The API's root router; the web app imports only its type (`import type { AppRouter }`).
import { router } from './init.ts';
import { adminRouter } from './routers/admin/admin-router.ts';
import { authRouter } from './routers/auth/auth-router.ts';
import { eventsRouter } from './routers/events/events-router.ts';
import { checkoutRouter } from './routers/checkout/checkout-router.ts';
import { holdsRouter } from './routers/holds/holds-router.ts';
import { ordersRouter } from './routers/orders/orders-router.ts';
import { seatsRouter } from './routers/seats/seats-router.ts';
import { waitingRoomRouter } from './routers/waiting-room/waiting-room-router.ts';

export const appRouter = router({
  auth: authRouter,
  events: eventsRouter,
  admin: adminRouter,
  seats: seatsRouter,
  holds: holdsRouter,
  checkout: checkoutRouter,
  orders: ordersRouter,
  waitingRoom: waitingRoomRouter,
});

export type AppRouter = typeof appRouter;
