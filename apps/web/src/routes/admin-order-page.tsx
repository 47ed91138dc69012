// /admin/orders/:orderId: one order with seats, payments, refunds and the refund action.
import { useParams } from 'react-router-dom';
import { ErrorState } from '../components/error-state.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { OrderDetail } from '../features/admin/order-detail.tsx';
import { describeError } from '../lib/app-error.ts';
import { trpc } from '../lib/trpc.ts';

export const AdminOrderPage = () => {
  const { orderId = '' } = useParams();
  const query = trpc.admin.orders.get.useQuery({ orderId }, { staleTime: 0 });
  return (
    <AdminShell
      title="Order"
      heading={query.data ? `Order for ${query.data.event.title}` : 'Order'}
    >
      {query.isPending ? (
        <div role="status" aria-label="Loading the order">
          <Skeleton className="h-72 rounded-2xl" />
        </div>
      ) : query.isError ? (
        <ErrorState
          title="We could not load this order"
          message={describeError(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <OrderDetail order={query.data} />
      )}
    </AdminShell>
  );
};
