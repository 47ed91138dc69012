// /admin and /admin/events: the back office's event list.
import { Link } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { EventsList } from '../features/admin/events-list.tsx';

export const AdminEventsPage = () => (
  <AdminShell
    title="Events"
    heading="Events"
    actions={
      <Link to="/admin/events/new" className={buttonClasses('primary')}>
        New event
      </Link>
    }
  >
    <EventsList />
  </AdminShell>
);
