import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * An HTTPS (CONNECT) proxy that sends the helpdesk host names to the simulator, so a browser
 * without --host-resolver-rules (Firefox) reaches https://acme.zendesk.com unchanged. Every
 * other host is refused: nothing leaves this machine.
 */
export const SIMULATED_HOSTS = /^(?:[a-z0-9-]+\.zendesk\.com|[a-z0-9-]+\.atlassian\.net|jira\.acme-corp\.test)$/;

export async function startSimulatorProxy(simulatorPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
  // A CONNECT tunnel leaves the HTTP server's books (closeAllConnections does not see it): keep
  // our own, so that closing the proxy never waits on a tunnel a browser left open.
  const tunnels = new Set<Socket>();
  const track = (socket: Socket) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
  };
  server.on('connect', (req, clientSocket: Socket, head) => {
    track(clientSocket);
    const [host, port] = (req.url ?? '').split(':');
    if (!host || !SIMULATED_HOSTS.test(host) || (port && port !== '443')) {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(simulatorPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
