// /admin/venues: the venues and their layouts.
import { Link } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { VenuesList } from '../features/admin-venues/venues-list.tsx';

export const AdminVenuesPage = () => (
  <AdminShell
    title="Venues"
    heading="Venues"
    actions={
      <Link to="/admin/venues/new" className={buttonClasses('primary')}>
        New venue
      </Link>
    }
  >
    <VenuesList />
  </AdminShell>
);
