// Grey placeholder blocks shown while content loads, so the layout does not jump.
export const Skeleton = ({ className = '' }: { className?: string }) => (
  <div aria-hidden="true" className={`animate-pulse rounded-md bg-slate-200 ${className}`} />
);
