// The auth router: accounts and sessions.
import { router } from '../../init.ts';
import { changePasswordProcedure } from './change-password.ts';
import { loginProcedure } from './login.ts';
import { logoutProcedure } from './logout.ts';
import { meProcedure } from './me.ts';
import { registerProcedure } from './register.ts';

export const authRouter = router({
  register: registerProcedure,
  login: loginProcedure,
  logout: logoutProcedure,
  me: meProcedure,
  changePassword: changePasswordProcedure,
});
