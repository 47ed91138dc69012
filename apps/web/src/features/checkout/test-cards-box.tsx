// Explains the simulated processor's test cards, each with a one-click "Use this card".
import { TEST_CARDS, type TestCardOutcome } from '@tessera/contracts/checkout';
import { groupCardNumber } from './card-details.ts';

const OUTCOME: Record<TestCardOutcome, { label: string; className: string }> = {
  SUCCEEDS: { label: 'Succeeds', className: 'bg-emerald-100 text-emerald-900' },
  DECLINED: { label: 'Declined', className: 'bg-red-100 text-red-900' },
  SUCCEEDS_LATE: { label: 'Late, refunded', className: 'bg-amber-100 text-amber-900' },
};

export const TestCardsBox = ({ onUse }: { onUse: (number: string) => void }) => (
  <section
    aria-labelledby="test-cards-title"
    className="rounded-xl border border-sky-200 bg-sky-50 p-4"
    data-testid="test-cards"
  >
    <h2 id="test-cards-title" className="text-sm font-semibold text-sky-950">
      Test cards: no real money moves
    </h2>
    <p className="mt-1 text-xs text-sky-900">
      This checkout uses a simulated card processor. Use any name, any future expiry date and any
      3-digit code with one of these numbers:
    </p>
    <ul className="mt-3 space-y-2">
      {TEST_CARDS.map((card) => (
        <li
          key={card.number}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-white px-3 py-2 ring-1 ring-sky-100"
        >
          <span className="font-mono text-sm text-slate-900">{groupCardNumber(card.number)}</span>
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${OUTCOME[card.outcome].className}`}
          >
            {OUTCOME[card.outcome].label}
          </span>
          <span className="w-full text-xs text-slate-700 sm:order-last">{card.description}</span>
          <button
            type="button"
            onClick={() => onUse(card.number)}
            className="ml-auto rounded-md px-2 py-1 text-xs font-semibold text-indigo-700 hover:bg-indigo-50"
            aria-label={`Use this card, ${groupCardNumber(card.number)} (${OUTCOME[card.outcome].label.toLowerCase()})`}
          >
            Use this card
          </button>
        </li>
      ))}
    </ul>
  </section>
);
