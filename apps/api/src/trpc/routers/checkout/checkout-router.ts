// The checkout router: pay for a hold, then follow the payment.
import { router } from '../../init.ts';
import { payProcedure } from './pay.ts';
import { paymentStatusProcedure } from './payment-status.ts';

export const checkoutRouter = router({
  pay: payProcedure,
  status: paymentStatusProcedure,
});
