// The frame around every page: header on top, the page in the middle, a short footer.
import { Outlet, ScrollRestoration } from 'react-router-dom';
import { Header } from '../components/header.tsx';
import { useFocusMainOnNavigate } from '../components/use-focus-main-on-navigate.ts';

export const RootLayout = () => {
  useFocusMainOnNavigate();
  return (
    <div className="flex min-h-screen flex-col">
      {/* New pages start at the top; Back returns to where the fan was in the list. */}
      <ScrollRestoration />
      <Header />
      <div className="flex-1">
        <Outlet />
      </div>
      <footer className="border-t border-slate-200 bg-white py-6 text-center text-xs text-slate-600">
        Tessera · fair tickets for the events everyone wants to see
      </footer>
    </div>
  );
};
