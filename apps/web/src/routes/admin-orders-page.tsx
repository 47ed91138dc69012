// /admin/orders: order search.
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { OrdersSearch } from '../features/admin/orders-search.tsx';

export const AdminOrdersPage = () => (
  <AdminShell title="Orders" heading="Orders">
    <OrdersSearch />
  </AdminShell>
);
