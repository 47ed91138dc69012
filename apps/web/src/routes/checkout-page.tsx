// /checkout/:holdId: pay for a hold (signed-in fans only), with loading, missing and error states.
import { Link, useParams } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorState } from '../components/error-state.tsx';
import { Page } from '../components/page.tsx';
import { Skeleton } from '../components/skeleton.tsx';
import { RequireSignIn } from '../features/auth/require-sign-in.tsx';
import { CheckoutView } from '../features/checkout/checkout-view.tsx';
import { useCheckoutHold } from '../features/checkout/use-checkout-hold.ts';
import { describeError } from '../lib/app-error.ts';

const Checkout = () => {
  const { holdId = '' } = useParams();
  const { hold, active, isPending, error, refetch, event } = useCheckoutHold(holdId);
  if (isPending && !hold)
    return (
      <div role="status" aria-label="Loading checkout" className="grid gap-6 lg:grid-cols-5">
        <Skeleton className="h-96 rounded-2xl lg:col-span-3" />
        <Skeleton className="h-64 rounded-2xl lg:col-span-2" />
      </div>
    );
  if (error && !hold)
    return (
      <ErrorState
        title="We could not load your checkout"
        message={describeError(error)}
        onRetry={refetch}
      />
    );
  if (!hold)
    return (
      <EmptyState
        title="This hold is no longer active"
        action={
          <div className="flex flex-wrap justify-center gap-2">
            <Link to="/tickets" className={buttonClasses('secondary')}>
              My tickets
            </Link>
            <Link to="/events" className={buttonClasses('primary')}>
              Browse events
            </Link>
          </div>
        }
      >
        It may have expired, been released, or already been paid for. Paid orders are under My
        tickets.
      </EmptyState>
    );
  return <CheckoutView hold={hold} active={active} event={event} onHoldChanged={refetch} />;
};

export const CheckoutPage = () => (
  <RequireSignIn title="Checkout">
    <Page title="Checkout" heading="Checkout">
      <Checkout />
    </Page>
  </RequireSignIn>
);
