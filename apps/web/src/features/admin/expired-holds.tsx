// An event's holds that ended without a sale: who, how many seats, and why.
import { ErrorState } from '../../components/error-state.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { describeError } from '../../lib/app-error.ts';
import { formatEventDate } from '../../lib/format.ts';
import { trpc } from '../../lib/trpc.ts';

const REASON = {
  expired: 'Timed out',
  released: 'Let go by the fan',
  'payment-failed': 'Payment failed',
} as const;

export const ExpiredHolds = ({ eventId }: { eventId: string }) => {
  const query = trpc.admin.orders.expiredHolds.useQuery({ eventId, limit: 50 }, { staleTime: 0 });
  if (query.isPending) return <Skeleton className="h-24 rounded-xl" />;
  if (query.isError)
    return (
      <ErrorState
        title="We could not load the holds"
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  if (query.data.items.length === 0)
    return <p className="text-sm text-slate-600">No hold has expired or been abandoned yet.</p>;
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th className="px-3 py-2 font-semibold">Fan</th>
            <th className="px-3 py-2 font-semibold">Seats</th>
            <th className="px-3 py-2 font-semibold">Why it ended</th>
            <th className="px-3 py-2 font-semibold">Held at</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {query.data.items.map((hold) => (
            <tr key={hold.id}>
              <td className="px-3 py-2 break-all">{hold.user.email}</td>
              <td className="px-3 py-2">{hold.seatCount}</td>
              <td className="px-3 py-2">
                {REASON[hold.reason]}
                {hold.paymentAttempts > 0 && (
                  <span className="text-slate-500"> · {hold.paymentAttempts} payment tries</span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatEventDate(hold.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
