// After moving to another page, put keyboard and screen-reader focus at the start of its content,
// as a full page load would; filter changes (same path) leave focus where it is.
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

export const useFocusMainOnNavigate = () => {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
};
