// /admin/events/:id/dashboard: the event's live sale dashboard (its chart library loads with it).
import { Link, useParams } from 'react-router-dom';
import { buttonClasses } from '../components/button.tsx';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { DashboardView } from '../features/admin-dashboard/dashboard-view.tsx';

export const AdminDashboardPage = () => {
  const { id = '' } = useParams();
  return (
    <AdminShell
      title="Live sale dashboard"
      heading="Live sale dashboard"
      actions={
        <Link to={`/admin/events/${id}`} className={buttonClasses('secondary')}>
          Event details
        </Link>
      }
    >
      <DashboardView key={id} eventId={id} />
    </AdminShell>
  );
};
