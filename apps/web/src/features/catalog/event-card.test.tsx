// @vitest-environment jsdom
import type { EventSummary } from '@tessera/contracts/catalog';
import type { EventAvailability } from '@tessera/contracts/seats';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { EventCard } from './event-card.tsx';

afterEach(cleanup);

const EVENT: EventSummary = {
  id: '5f0c7c55-2b3a-4d7e-9f5b-0a4a8c8e1d21',
  title: 'Night at the Arena',
  category: 'CONCERT',
  city: 'Milan',
  startsAt: '2027-01-10T19:00:00.000Z',
  imageUrl: null,
  status: 'PUBLISHED',
  venue: { id: '1a2b3c4d-0000-4000-8000-000000000001', name: 'Arena' },
  minPriceCents: 5000,
  maxPriceCents: 9000,
  currency: 'EUR',
  capacity: 1000,
  seatsLeft: 900,
  nextOnSaleAt: null,
};

const live = (tiers: [string, number, number, number][]): EventAvailability => ({
  eventId: EVENT.id,
  version: 3,
  tiers: tiers.map(([name, available, held, sold], i) => ({
    tierId: i + 1,
    name,
    available,
    held,
    sold,
  })),
});

const renderCard = (availability?: EventAvailability) =>
  render(
    <MemoryRouter>
      <ul>
        <EventCard event={EVENT} live={availability} />
      </ul>
    </MemoryRouter>,
  );

describe('EventCard seats left', () => {
  it('uses the list’s count until live counts arrive', () => {
    renderCard();
    expect(screen.getByTestId('event-seats-left').textContent).toBe('900 seats left');
    expect(screen.queryByTestId('event-tier-counts')).toBeNull();
  });

  it('shows the live total and every tier’s seats left', () => {
    renderCard(
      live([
        ['Floor', 42, 3, 5],
        ['Balcony', 0, 1, 9],
      ]),
    );
    expect(screen.getByTestId('event-seats-left').textContent).toBe('42 seats left');
    const tiers = screen.getByTestId('event-tier-counts').querySelectorAll('li');
    expect([...tiers].map((li) => li.textContent)).toEqual(['Floor 42 left', 'Balcony none left']);
  });

  it('tells “all held” apart from “sold out” (held seats may come back)', () => {
    renderCard(live([['Floor', 0, 2, 8]]));
    expect(screen.getByText('All seats held right now')).toBeTruthy();
    cleanup();
    renderCard(live([['Floor', 0, 0, 10]]));
    expect(screen.getByText('Sold out')).toBeTruthy();
  });
});
