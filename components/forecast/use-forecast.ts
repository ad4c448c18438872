import { useEffect, useState } from 'preact/hooks';
import type { ForecastAnswer } from '../../lib/messages/forecast-view';
import type { ForecastActions } from './forecast-types';

export interface ForecastState {
  answer: ForecastAnswer | null;
  error: string | null;
}

/** Timers are capped near 24.8 days. */
const MAX_TIMER_MS = 2_000_000_000;

/**
 * Loads the background's forecast and asks again when it says the first event passes (it then
 * moves into the queue's current state) and when the tickets change.
 */
export function useForecast(actions: Pick<ForecastActions, 'load' | 'onChange'>, clockNow: () => number = Date.now): [ForecastState, () => void] {
  const [state, setState] = useState<ForecastState>({ answer: null, error: null });
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((n) => n + 1);
  useEffect(() => actions.onChange(reload), [actions]);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    actions
      .load()
      .then((answer) => {
        if (!live) return;
        setState({ answer, error: null });
        if (answer.refreshAt !== null) timer = setTimeout(reload, Math.min(Math.max(0, answer.refreshAt - clockNow()) + 50, MAX_TIMER_MS));
      })
      .catch((error: unknown) => {
        if (live) setState((previous) => ({ answer: previous.answer, error: error instanceof Error ? error.message : String(error) }));
      });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [actions, generation]);
  return [state, reload];
}
