// The pre-queue lottery, in the open: the commitment published when the pre-queue opened, the seed
// revealed after the draw, and a one-click check (in this browser) that the seed matches.
import { useState } from 'react';
import { Button } from '../../components/button.tsx';

const hexToBytes = (hex: string) =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

const sha256Hex = async (hex: string) => {
  const digest = await crypto.subtle.digest('SHA-256', hexToBytes(hex));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

const Code = ({ label, value }: { label: string; value: string }) => (
  <div>
    <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{label}</dt>
    <dd className="mt-1 rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs break-all text-slate-800">
      {value}
    </dd>
  </div>
);

export const LotteryPanel = ({
  commitment,
  seed,
}: {
  commitment: string | null;
  seed: string | null;
}) => {
  const [check, setCheck] = useState<'idle' | 'match' | 'mismatch'>('idle');
  if (!commitment) return null;
  const verify = async () => {
    if (!seed) return;
    setCheck((await sha256Hex(seed)) === commitment ? 'match' : 'mismatch');
  };
  return (
    <section aria-labelledby="lottery-heading" className="space-y-3 text-sm text-slate-700">
      <h2 id="lottery-heading" className="text-base font-semibold text-slate-900">
        A fair draw for early arrivals
      </h2>
      <p>
        Everyone who joins before the sale starts gets a random place when it starts, so arriving
        first gives no edge. The draw was fixed in advance: we published the fingerprint below
        (SHA-256 of a secret seed) before anyone joined, and reveal the seed after the draw.
      </p>
      <dl className="space-y-2">
        <Code label="Commitment (SHA-256 of the seed)" value={commitment} />
        {seed && <Code label="Revealed seed" value={seed} />}
      </dl>
      {seed ? (
        <div className="space-y-2">
          <p>
            To check: SHA-256 of the seed (as bytes) must equal the commitment, and each fan’s place
            follows HMAC-SHA256(key = seed, message = user id), lowest first.
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" onClick={() => void verify()}>
              Verify the seed here
            </Button>
            <span role="status" className="font-medium">
              {check === 'match' && '✓ The seed matches the commitment.'}
              {check === 'mismatch' && '✗ The seed does not match the commitment.'}
            </span>
          </div>
        </div>
      ) : (
        <p>The seed is revealed here once the draw is done.</p>
      )}
    </section>
  );
};
