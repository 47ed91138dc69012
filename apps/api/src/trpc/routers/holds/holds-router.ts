// The seat holds router.
import { router } from '../../init.ts';
import { createHoldProcedure } from './create-hold.ts';
import { myHoldsProcedure } from './my-holds.ts';
import { releaseHoldProcedure } from './release-hold.ts';

export const holdsRouter = router({
  create: createHoldProcedure,
  release: releaseHoldProcedure,
  mine: myHoldsProcedure,
});
