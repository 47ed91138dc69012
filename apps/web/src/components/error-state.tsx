// Shown when a request failed: a plain sentence and a retry button, announced to screen readers.
import { Button } from './button.tsx';

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}

export const ErrorState = ({
  title = 'Something went wrong',
  message,
  onRetry,
  retrying = false,
}: ErrorStateProps) => (
  <div role="alert" className="rounded-2xl border border-red-200 bg-red-50 px-6 py-10 text-center">
    <h2 className="text-lg font-semibold text-red-900">{title}</h2>
    <p className="mx-auto mt-2 max-w-md text-sm text-red-800">{message}</p>
    {onRetry && (
      <Button variant="secondary" className="mt-6" onClick={onRetry} pending={retrying}>
        Try again
      </Button>
    )}
  </div>
);
