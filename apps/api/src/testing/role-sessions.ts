// Signed-in sessions for each role a caller can have, for tests that call the API as anonymous, as
// a fan and as an admin (the hostile-input tests, the authorization matrix, the owner checks).
import { createAdmin } from '../trpc/routers/admin/events/admin-test-kit.ts';
import { createFan } from './checkout-fixture.ts';
import type { TestApp } from './test-app.ts';

export type Role = 'anonymous' | 'fan' | 'admin';

/** A fresh fan and a fresh admin, each with its own session; anonymous has no token. */
export const createRoleTokens = async (testApp: TestApp): Promise<Record<Role, string | null>> => {
  const fan = await createFan(testApp, 'role-fan');
  const admin = await createAdmin(testApp);
  return { anonymous: null, fan: fan.token, admin: admin.token };
};
