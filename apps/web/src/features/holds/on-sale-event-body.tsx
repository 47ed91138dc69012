// The event page during an open sale: the live map with the fan's holds, selection and
// best-available beside it (below it on a phone); live seats-left per tier for the whole page.
import type { EventDetail } from '@tessera/contracts/catalog';
import type { ReactNode } from 'react';
import { Panel } from '../catalog/panel.tsx';
import { TierCountsContext } from '../seat-map/tier-counts-context.ts';
import { BestAvailableForm } from './best-available-form.tsx';
import { HoldPanel } from './hold-panel.tsx';
import { NoticeBanner } from './notice-banner.tsx';
import { SeatMapArea } from './seat-map-area.tsx';
import { SeatStateLegend } from './seat-state-legend.tsx';
import { SelectionPanel } from './selection-panel.tsx';
import { useSeatPurchase } from './use-seat-purchase.ts';

type SaleWindow = EventDetail['onSales'][number];

interface OnSaleEventBodyProps {
  event: EventDetail;
  saleWindow: SaleWindow;
  about: ReactNode;
  sidebar: ReactNode;
}

export const OnSaleEventBody = ({ event, saleWindow, about, sidebar }: OnSaleEventBodyProps) => {
  const purchase = useSeatPurchase({ event, perFanSeatLimit: saleWindow.perFanSeatLimit });
  const myHolds = purchase.holds.data?.holds ?? [];
  return (
    <TierCountsContext value={purchase.tierCounts}>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel title="Choose your seats" testId="seat-picker">
            <p className="mb-3 text-sm text-slate-700">
              {saleWindow.name} is on now · up to {saleWindow.perFanSeatLimit} seats per fan. Seats
              taken and freed by other fans show up as it happens.
            </p>
            <SeatStateLegend tiers={event.priceTiers} counts={purchase.tierCounts} />
            <div className="mt-3">
              <SeatMapArea event={event} purchase={purchase} />
            </div>
          </Panel>
          {/* On a phone the selection comes right after the map; the description moves down. */}
          <div className="hidden lg:block">{about}</div>
        </div>
        <div className="space-y-6">
          <NoticeBanner notice={purchase.notice} onDismiss={() => purchase.setNotice(null)} />
          {myHolds.map((hold) => (
            <Panel key={hold.id} title="Your held seats">
              <HoldPanel
                hold={hold}
                releasing={
                  purchase.release.isPending && purchase.release.variables?.holdId === hold.id
                }
                onRelease={() => purchase.release.mutate({ holdId: hold.id })}
                onExpired={() => {
                  // Said here, in the page's live region: the hold's own panel is about to go.
                  purchase.setNotice({
                    tone: 'info',
                    text: 'Your hold expired and the seats were released. Pick seats again to buy.',
                  });
                  purchase.refreshHolds();
                }}
              />
            </Panel>
          ))}
          <Panel title="Your selection">
            <SelectionPanel
              selection={purchase.selection}
              seatIndex={purchase.seatIndex}
              currency={event.currency}
              limit={purchase.limit}
              signedIn={Boolean(purchase.user)}
              holding={purchase.holding && 'seatIds' in (purchase.holdRequest ?? {})}
              onRemove={(id) => purchase.setSelection((s) => s.filter((seat) => seat !== id))}
              onClear={() => purchase.setSelection([])}
              onHold={() => purchase.hold({ seatIds: purchase.selection })}
            />
          </Panel>
          {purchase.limit > 0 && (
            <Panel title="Best available">
              <BestAvailableForm
                limit={purchase.limit}
                tiers={event.priceTiers}
                pending={purchase.holding && 'quantity' in (purchase.holdRequest ?? {})}
                onSubmit={purchase.hold}
              />
            </Panel>
          )}
          <div className="lg:hidden">{about}</div>
          {sidebar}
        </div>
      </div>
    </TierCountsContext>
  );
};
