export { createSharedClock, pageSharedClock, type SharedClock, type ClockEnvironment } from './clock';
export { formatCountdown, formatDuration, englishCountdownWords, type CountdownWords } from './format';
export { createSecondTicker, pageSecondTicker, type SecondTicker } from './second-ticker';
