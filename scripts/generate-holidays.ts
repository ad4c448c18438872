/**
 * Regenerates lib/policy/holidays.generated.json from the holiday data packages.
 * Run: `npm run holidays` (TZ=UTC vite-node scripts/generate-holidays.ts).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deriveHolidaysFile, formatHolidaysFile } from './generate-holidays.derive';

const target = fileURLToPath(new URL('../lib/policy/holidays.generated.json', import.meta.url));
const file = deriveHolidaysFile();
writeFileSync(target, formatHolidaysFile(file));
for (const [officeId, office] of Object.entries(file.offices)) {
  console.log(`${officeId}: ${office.holidays.length} holidays, ${office.workdays.length} workdays (${office.generatedFrom.join(', ')})`);
  for (const caveat of office.caveats) console.log(`  caveat: ${caveat}`);
}
console.log(`wrote ${target}`);
