// Generates the preview on the server (one generator for preview and save) a moment after the
// document stops changing; answers to older documents are ignored.
import type { GeneratedSeat, LayoutDocument, LayoutIssue } from '@tessera/contracts/layouts';
import { useEffect, useRef, useState } from 'react';
import { describeError, readAppError } from '../../lib/app-error.ts';
import { trpc } from '../../lib/trpc.ts';

const DEBOUNCE_MS = 200;

export interface LayoutPreviewState {
  seats: GeneratedSeat[];
  issues: LayoutIssue[];
  ok: boolean;
  /** The document itself was refused (a field out of range); shown instead of issues. */
  inputError: string | null;
  pending: boolean;
}

export const useLayoutPreview = (doc: LayoutDocument): LayoutPreviewState => {
  const preview = trpc.admin.venues.preview.useMutation();
  const latest = useRef(0);
  const [state, setState] = useState<LayoutPreviewState>({
    seats: [],
    issues: [],
    ok: false,
    inputError: null,
    pending: true,
  });
  const { mutateAsync } = preview;
  useEffect(() => {
    const id = ++latest.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      mutateAsync({ document: doc }).then(
        (result) => {
          if (id === latest.current) setState({ ...result, inputError: null, pending: false });
        },
        (error: unknown) => {
          if (id !== latest.current) return;
          const fields = readAppError(error)?.fieldErrors;
          const detail = fields
            ? Object.entries(fields)
                .map(([path, message]) => `${path.replace(/^document\./, '')}: ${message}`)
                .join('; ')
            : describeError(error);
          setState((s) => ({ ...s, ok: false, inputError: detail, pending: false }));
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, mutateAsync]);
  return state;
};
