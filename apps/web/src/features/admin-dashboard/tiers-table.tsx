// Seats sold, held and left per price tier, with a stacked bar per tier.
import type { TierAvailability } from '@tessera/contracts/seats';
import { formatCount } from '../../lib/format.ts';

export const TiersTable = ({ tiers }: { tiers: TierAvailability[] }) => (
  <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
    <table className="w-full text-sm">
      <caption className="sr-only">Seats by price tier</caption>
      <thead className="bg-slate-50 text-left text-xs tracking-wide text-slate-500 uppercase">
        <tr>
          <th className="px-4 py-2">Tier</th>
          <th className="px-4 py-2 text-right">Sold</th>
          <th className="px-4 py-2 text-right">Held</th>
          <th className="px-4 py-2 text-right">Left</th>
          <th className="hidden px-4 py-2 sm:table-cell">
            <span className="sr-only">Share</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tiers.map((tier) => {
          const total = Math.max(1, tier.sold + tier.held + tier.available);
          return (
            <tr key={tier.tierId} className="border-t border-slate-100">
              <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                {tier.name || 'No tier'}
              </th>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(tier.sold)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(tier.held)}</td>
              <td className="px-4 py-2 text-right tabular-nums">{formatCount(tier.available)}</td>
              <td className="hidden w-1/3 px-4 py-2 sm:table-cell">
                <div className="flex h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                  <div
                    className="bg-indigo-600"
                    style={{ width: `${(tier.sold / total) * 100}%` }}
                  />
                  <div
                    className="bg-amber-400"
                    style={{ width: `${(tier.held / total) * 100}%` }}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);
