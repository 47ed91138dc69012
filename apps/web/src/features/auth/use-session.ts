// Who is signed in (auth.me), plus sign-out; shared by the header and the auth pages.
import { trpc } from '../../lib/trpc.ts';

export const useSession = () => {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000, retry: 1 });
  return { user: me.data?.user ?? null, isLoading: me.isLoading };
};

export const useSignOut = () => {
  const utils = trpc.useUtils();
  return trpc.auth.logout.useMutation({
    onSuccess: async () => {
      utils.auth.me.setData(undefined, { user: null });
      await utils.invalidate();
    },
  });
};
