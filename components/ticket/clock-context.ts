import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { pageSharedClock, type SharedClock } from '../../lib/countdown/clock';

/** Tests and previews provide their own clock; the page uses its one shared clock. */
export const ClockContext = createContext<SharedClock | null>(null);

export function useSharedClock(): SharedClock {
  return useContext(ClockContext) ?? pageSharedClock();
}
