// The invariant checker's last result (periodic, from the worker) and a "Run now" check.
import type { InvariantsSummary } from '@tessera/contracts/dashboard';
import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { describeError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';

type CheckReport = Awaited<
  ReturnType<ReturnType<typeof trpc.useUtils>['admin']['invariants']['check']['fetch']>
>;

const fromReport = (report: CheckReport): InvariantsSummary | null => {
  const event = report.events[0];
  if (!event) return null;
  return {
    ok: event.ok,
    checkedAt: event.checkedAt,
    failures: event.checks.filter((c) => !c.ok).map((c) => ({ name: c.name, detail: c.detail })),
    soldInPostgres: event.soldInPostgres,
    heldInRedis: event.heldInRedis,
    capacity: event.capacity,
  };
};

export const InvariantsPanel = ({
  eventId,
  periodic,
}: {
  eventId: string;
  periodic: InvariantsSummary | null;
}) => {
  const utils = trpc.useUtils();
  const [manual, setManual] = useState<InvariantsSummary | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const runNow = async () => {
    setRunning(true);
    setError(null);
    try {
      setManual(
        fromReport(await utils.admin.invariants.check.fetch({ eventId }, { staleTime: 0 })),
      );
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setRunning(false);
    }
  };
  const latest =
    manual && (!periodic || manual.checkedAt >= periodic.checkedAt) ? manual : periodic;
  return (
    <section
      aria-label="Invariant check"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Invariant check
          </h3>
          {latest ? (
            <p
              className={`text-lg font-bold ${latest.ok ? 'text-emerald-700' : 'text-rose-700'}`}
              data-testid="invariants-result"
            >
              {latest.ok ? 'All invariants hold' : `${latest.failures.length} invariant(s) broken`}
            </p>
          ) : (
            <p className="text-lg font-semibold text-slate-600" data-testid="invariants-result">
              Not checked yet
            </p>
          )}
          {latest && (
            <p className="text-xs text-slate-500">
              Checked {new Date(latest.checkedAt).toLocaleTimeString()} · {latest.soldInPostgres}{' '}
              sold, {latest.heldInRedis} held of {latest.capacity} seats
            </p>
          )}
        </div>
        <Button variant="secondary" onClick={() => void runNow()} disabled={running}>
          {running ? 'Checking…' : 'Run now'}
        </Button>
      </div>
      {latest && latest.failures.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-sm text-rose-800">
          {latest.failures.map((f) => (
            <li key={f.name}>
              <span className="font-semibold">{f.name}</span>: {f.detail}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          {error}
        </p>
      )}
    </section>
  );
};
