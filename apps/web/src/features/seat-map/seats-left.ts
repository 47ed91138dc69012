// "42 left", "1 left", "Sold out" — how many seats of a tier a fan can still pick.
import { formatCount } from '../../lib/format.ts';

export const seatsLeftText = (available: number) =>
  available === 0 ? 'None left' : `${formatCount(available)} left`;
