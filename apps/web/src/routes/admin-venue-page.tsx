// /admin/venues/new and /admin/venues/:id: the venue layout designer.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AdminShell } from '../features/admin/admin-shell.tsx';
import { newDocument } from '../features/admin-venues/designer-model.ts';
import { VenueDesigner } from '../features/admin-venues/venue-designer.tsx';
import { VenueLayoutLoader } from '../features/admin-venues/venue-layout-loader.tsx';

const NewVenue = () => {
  const [initial] = useState(() => ({
    venueId: null,
    layoutVersion: 0,
    details: { name: '', city: '', address: '' },
    document: newDocument(),
    locked: new Set<string>(),
  }));
  return <VenueDesigner initial={initial} />;
};

export const AdminVenuePage = () => {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  return (
    <AdminShell
      title={isNew ? 'New venue' : 'Venue layout'}
      heading={isNew ? 'New venue' : 'Venue layout'}
      actions={
        <Link to="/admin/venues" className="text-sm font-semibold text-indigo-700 hover:underline">
          All venues
        </Link>
      }
    >
      {isNew ? <NewVenue /> : <VenueLayoutLoader venueId={id} />}
    </AdminShell>
  );
};
