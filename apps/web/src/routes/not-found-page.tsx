// Any URL we do not know.
import { Link } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { EmptyState } from '../components/empty-state.tsx';
import { Page } from '../components/page.tsx';

export const NotFoundPage = () => (
  <Page title="Page not found">
    <EmptyState
      title="Page not found"
      action={
        <Link to="/events" className={buttonClasses('primary')}>
          Browse events
        </Link>
      }
    >
      The page you asked for does not exist. Check the address, or find an event instead.
    </EmptyState>
  </Page>
);
