import { startHelpdeskSimulator } from '../test/simulator/server';

/** Runs the helpdesk simulator on its own: `npx vite-node scripts/simulator.ts [port]`. */
const port = Number(process.argv[2] ?? process.env.SIM_PORT ?? 8443);
const sim = await startHelpdeskSimulator({ port });
console.log(`helpdesk simulator on https://127.0.0.1:${sim.port} (hosts acme.zendesk.com, acme.atlassian.net, jira.acme-corp.test)`);
