// Page frame: a centred column with an optional heading block, and the document title kept in sync.
import { useEffect, type ReactNode } from 'react';

interface PageProps {
  /** Document title; "Tessera" is appended. */
  title: string;
  heading?: ReactNode;
  description?: ReactNode;
  width?: 'narrow' | 'wide';
  children: ReactNode;
}

export const Page = ({ title, heading, description, width = 'wide', children }: PageProps) => {
  useEffect(() => {
    document.title = `${title} · Tessera`;
  }, [title]);
  return (
    <main
      id="main"
      tabIndex={-1}
      className={`mx-auto w-full px-4 py-8 outline-none sm:px-6 lg:px-8 ${width === 'narrow' ? 'max-w-md' : 'max-w-6xl'}`}
    >
      {heading && (
        <div className="mb-6">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
            {heading}
          </h1>
          {description && <p className="mt-2 text-slate-600">{description}</p>}
        </div>
      )}
      {children}
    </main>
  );
};
