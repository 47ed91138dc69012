// "Best available": how many seats (1..limit) and optionally which price tier; the server picks
// adjacent seats nearest the stage.
import type { EventDetail } from '@tessera/contracts/catalog';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/button.tsx';
import { inputClasses } from '../../components/text-field.tsx';
import { formatPrice } from '../../lib/format.ts';

interface BestAvailableFormProps {
  limit: number;
  tiers: EventDetail['priceTiers'];
  pending: boolean;
  onSubmit: (request: { quantity: number; tierId?: number }) => void;
}

export const BestAvailableForm = ({ limit, tiers, pending, onSubmit }: BestAvailableFormProps) => {
  const id = useId();
  const [quantity, setQuantity] = useState(Math.min(2, Math.max(1, limit)));
  const [tierId, setTierId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ quantity: Math.min(quantity, limit), ...(tierId && { tierId: Number(tierId) }) });
  };
  if (limit === 0) return null;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Best available seats">
      <div className="grid grid-cols-[5.5rem_1fr] gap-2">
        <div>
          <label htmlFor={`${id}-qty`} className="mb-1 block text-xs font-medium text-slate-700">
            Seats
          </label>
          <select
            id={`${id}-qty`}
            value={Math.min(quantity, limit)}
            onChange={(e) => setQuantity(Number(e.target.value))}
            className={inputClasses(false)}
          >
            {Array.from({ length: limit }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-tier`} className="mb-1 block text-xs font-medium text-slate-700">
            Price tier
          </label>
          <select
            id={`${id}-tier`}
            value={tierId}
            onChange={(e) => setTierId(e.target.value)}
            className={inputClasses(false)}
          >
            <option value="">Any price</option>
            {tiers.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name} · {formatPrice(tier.priceCents, tier.currency)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Button type="submit" variant="secondary" className="w-full" pending={pending}>
        Find best seats
      </Button>
    </form>
  );
};
