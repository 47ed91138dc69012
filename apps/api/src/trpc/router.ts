// The API's root router; the web app imports only its type (`import type { AppRouter }`).
import { router } from './init.ts';
import { adminRouter } from './routers/admin/admin-router.ts';
import { authRouter } from './routers/auth/auth-router.ts';
import { eventsRouter } from './routers/events/events-router.ts';

export const appRouter = router({
  auth: authRouter,
  events: eventsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
