// The app's providers (tRPC + React Query) and its routes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router-dom';
import { createTrpcClient, trpc } from './lib/trpc.ts';
import { EventsPage } from './routes/events-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { RootLayout } from './routes/root-layout.tsx';

// The list is the landing page and ships in the main bundle; other pages load on first visit.

const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      { path: '/', element: <Navigate to="/events" replace /> },
      { path: '/events', element: <EventsPage /> },
      {
        path: '/events/:id',
        lazy: async () => ({ Component: (await import('./routes/event-page.tsx')).EventPage }),
      },
      {
        path: '/events/:id/queue',
        lazy: async () => ({ Component: (await import('./routes/queue-page.tsx')).QueuePage }),
      },
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('./routes/login-page.tsx')).LoginPage }),
      },
      {
        path: '/register',
        lazy: async () => ({
          Component: (await import('./routes/register-page.tsx')).RegisterPage,
        }),
      },
      {
        path: '/checkout/:holdId',
        lazy: async () => ({
          Component: (await import('./routes/checkout-page.tsx')).CheckoutPage,
        }),
      },
      {
        path: '/orders/:orderId',
        lazy: async () => ({ Component: (await import('./routes/order-page.tsx')).OrderPage }),
      },
      {
        path: '/tickets',
        lazy: async () => ({ Component: (await import('./routes/tickets-page.tsx')).TicketsPage }),
      },
      { path: '/admin', element: <Navigate to="/admin/events" replace /> },
      {
        path: '/admin/events',
        lazy: async () => ({
          Component: (await import('./routes/admin-events-page.tsx')).AdminEventsPage,
        }),
      },
      {
        path: '/admin/events/:id',
        lazy: async () => ({
          Component: (await import('./routes/admin-event-page.tsx')).AdminEventPage,
        }),
      },
      {
        path: '/admin/events/:id/dashboard',
        lazy: async () => ({
          Component: (await import('./routes/admin-dashboard-page.tsx')).AdminDashboardPage,
        }),
      },
      {
        path: '/admin/events/:id/on-sales',
        lazy: async () => ({
          Component: (await import('./routes/admin-on-sales-page.tsx')).AdminOnSalesPage,
        }),
      },
      {
        path: '/admin/orders',
        lazy: async () => ({
          Component: (await import('./routes/admin-orders-page.tsx')).AdminOrdersPage,
        }),
      },
      {
        path: '/admin/orders/:orderId',
        lazy: async () => ({
          Component: (await import('./routes/admin-order-page.tsx')).AdminOrderPage,
        }),
      },
      {
        path: '/admin/venues',
        lazy: async () => ({
          Component: (await import('./routes/admin-venues-page.tsx')).AdminVenuesPage,
        }),
      },
      {
        path: '/admin/venues/:id',
        lazy: async () => ({
          Component: (await import('./routes/admin-venue-page.tsx')).AdminVenuePage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export const App = () => {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
      }),
  );
  const [trpcClient] = useState(createTrpcClient);
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </trpc.Provider>
  );
};
