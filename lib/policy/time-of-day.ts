/** Opening hours are written `HH:MM`, 24-hour clock, e.g. `09:00`, `18:30`. */
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight, or null when the text is not a valid `HH:MM`. */
export function minutesOfDay(text: string): number | null {
  const match = HH_MM.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
