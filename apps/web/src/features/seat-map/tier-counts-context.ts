// Live seats-left per price tier for anything on the event page that lists tiers (the price
// legend in the sidebar); null where no sale is open, so those places show prices only.
import { createContext, useContext } from 'react';
import type { TierCounts } from './tier-counts.ts';

export const TierCountsContext = createContext<TierCounts | null>(null);

export const useTierCounts = () => useContext(TierCountsContext);
