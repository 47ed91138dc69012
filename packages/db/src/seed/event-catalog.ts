// The demo events (fictional artists and teams): every category, every seeded city, spread over
// the next six months, with on-sale windows in every state the product has to show.
import { EventCategory, EventStatus } from '../generated/prisma/enums.ts';
import { generalSaleIn, openNow, presaleThenGeneral, type WindowPlan } from './on-sale-windows.ts';

export interface EventPlan {
  key: string;
  title: string;
  description: string;
  category: EventCategory;
  venueKey: string;
  /** Starts this many days from now at `hourUtc`. */
  inDays: number;
  hourUtc: number;
  /** Multiplies every tier's default price for this event. */
  priceFactor: number;
  status?: EventStatus;
  /** Seats left unsold at seed time (0 = sold out); omitted means nothing sold yet. */
  seatsLeft?: number;
  windows: WindowPlan[];
}

const { CONCERT, SPORTS, THEATRE, COMEDY, FAMILY, FESTIVAL } = EventCategory;

export const EVENT_CATALOG: EventPlan[] = [
  {
    key: 'nova-halcyon-tidal-lights',
    title: 'Nova Halcyon: The Tidal Lights Tour',
    description:
      'The synth-pop sensation brings her chart-topping album "Tidal Lights" to the arena, with a 360° light show and a string section of forty.',
    category: CONCERT,
    venueKey: 'meridian-arena',
    inDays: 21,
    hourUtc: 19,
    priceFactor: 1.2,
    windows: openNow(),
  },
  {
    key: 'canal-kings-harbor-hawks',
    title: 'Basketball Finals: Canal Kings vs. Harbor Hawks',
    description:
      'Game one of the championship finals. The Canal Kings defend their title against the Harbor Hawks, the surprise of the season.',
    category: SPORTS,
    venueKey: 'meridian-arena',
    inDays: 45,
    hourUtc: 18,
    priceFactor: 0.9,
    windows: presaleThenGeneral(4, 'HAWKS2026'),
  },
  {
    key: 'velvet-anchors-reunion',
    title: 'The Velvet Anchors: Reunion Night',
    description:
      'Fifteen years after their farewell show, the indie-rock quartet plays their debut album front to back, one night only.',
    category: CONCERT,
    venueKey: 'meridian-arena',
    inDays: 75,
    hourUtc: 19,
    priceFactor: 1.1,
    seatsLeft: 0,
    windows: openNow(),
  },
  {
    key: 'frostwave-festival',
    title: 'Frostwave Winter Festival',
    description:
      'Twelve hours of electronic music on two stages: Kaleido Twins, DJ Marrow, Suri Vance and a closing set by Aurora Static.',
    category: FESTIVAL,
    venueKey: 'meridian-arena',
    inDays: 120,
    hourUtc: 14,
    priceFactor: 1,
    windows: generalSaleIn(30),
  },
  {
    key: 'traviata-reimagined',
    title: 'La Traviata, Reimagined',
    description:
      "Verdi's opera moved to 1960s Milan fashion houses. Sung in Italian with English surtitles, conducted by Elena Bassi.",
    category: THEATRE,
    venueKey: 'teatro-lumen',
    inDays: 14,
    hourUtc: 18,
    priceFactor: 1.3,
    windows: openNow(false),
  },
  {
    key: 'marta-ricci-overthinking',
    title: 'Marta Ricci: Overthinking, Live',
    description:
      'The podcast favourite tests two hours of brand-new stand-up about parents, flat-sharing and the terror of group chats.',
    category: COMEDY,
    venueKey: 'teatro-lumen',
    inDays: 33,
    hourUtc: 19,
    priceFactor: 0.7,
    windows: openNow(),
  },
  {
    key: 'clockmakers-daughter',
    title: "The Clockmaker's Daughter",
    description:
      'A new play about a watchmaker who can stop time for everyone but herself. Winner of the Lumen New Writing Prize.',
    category: THEATRE,
    venueKey: 'teatro-lumen',
    inDays: 95,
    hourUtc: 18,
    priceFactor: 1,
    windows: generalSaleIn(10),
  },
  {
    key: 'static-bloom-paper-kites',
    title: 'Static Bloom with Paper Kites',
    description:
      'Berlin shoegaze heroes Static Bloom play their hometown with Paper Kites in support. Last few seats.',
    category: CONCERT,
    venueKey: 'halle-kobalt',
    inDays: 9,
    hourUtc: 20,
    priceFactor: 1,
    seatsLeft: 12,
    windows: openNow(),
  },
  {
    key: 'late-laughs-berlin',
    title: 'Late Laughs Berlin: Open Mic Masters',
    description:
      "Five of the city's sharpest comics, one host, no safety net. In English, with a late bar.",
    category: COMEDY,
    venueKey: 'halle-kobalt',
    inDays: 27,
    hourUtc: 21,
    priceFactor: 0.6,
    windows: openNow(false),
  },
  {
    key: 'kobalt-nights-marathon',
    title: 'Kobalt Nights: Techno Marathon',
    description:
      'A dusk-to-dawn festival night with residents Lio Hart and Mira Vos and a live modular set by Quell.',
    category: FESTIVAL,
    venueKey: 'halle-kobalt',
    inDays: 150,
    hourUtc: 21,
    priceFactor: 1.4,
    windows: generalSaleIn(45),
  },
  {
    key: 'cirque-des-etoiles',
    title: 'Cirque des Étoiles',
    description:
      'Acrobats, aerialists and a very clumsy magician under the big top. Perfect for ages four and up.',
    category: FAMILY,
    venueKey: 'chapiteau-soleil',
    inDays: 18,
    hourUtc: 15,
    priceFactor: 0.8,
    windows: openNow(),
  },
  {
    key: 'dinosaur-discovery-live',
    title: 'Dinosaur Discovery Live',
    description:
      'Life-size animatronic dinosaurs roam the ring while palaeontologist Dr. Inès Morel explains how they lived.',
    category: FAMILY,
    venueKey: 'chapiteau-soleil',
    inDays: 60,
    hourUtc: 14,
    priceFactor: 0.7,
    windows: generalSaleIn(7, false),
  },
  {
    key: 'lyon-fencing-masters',
    title: 'Lyon Fencing Masters',
    description:
      'The best sabre and foil fencers of the season meet in the round for the masters final.',
    category: SPORTS,
    venueKey: 'chapiteau-soleil',
    inDays: 110,
    hourUtc: 17,
    priceFactor: 0.9,
    windows: generalSaleIn(20),
  },
  {
    key: 'lumieres-acoustic-sessions',
    title: 'Lumières Acoustic Sessions',
    description:
      'A weekend festival of unplugged sets by Camille Roux, The Driftwood Choir and Anouk Leblanc.',
    category: FESTIVAL,
    venueKey: 'chapiteau-soleil',
    inDays: 170,
    hourUtc: 16,
    priceFactor: 1,
    windows: presaleThenGeneral(14, 'LUMIERES'),
  },
  {
    key: 'nova-halcyon-second-night',
    title: 'Nova Halcyon: The Tidal Lights Tour (second night)',
    description: 'An added second night, announced once the first one sells out.',
    category: CONCERT,
    venueKey: 'meridian-arena',
    inDays: 22,
    hourUtc: 19,
    priceFactor: 1.2,
    status: EventStatus.DRAFT,
    windows: [],
  },
];
