// One port for HTTPS and plain HTTP: a TLS connection starts with a handshake record (0x16),
// anything else is HTTP. msal-node and the Graph client need HTTPS; browsers get plain HTTP on
// the same port and so need not trust the local CA.
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';

export interface DualProtocolListener {
  readonly port: number;
  /** Stops listening and ends every open connection, idle keep-alive ones included. */
  close(): Promise<void>;
}

export async function listenDualProtocol(
  host: string,
  port: number,
  route: (socket: Socket, firstByte: number) => void,
): Promise<DualProtocolListener> {
  // Every accepted socket, so that close() can end idle keep-alive connections: the HTTP(S)
  // servers they are handed to never listened themselves, and a net server's close() waits for
  // its connections to end by themselves.
  const sockets = new Set<Socket>();
  const make = () =>
    createNetServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.once('data', (chunk) => {
        socket.pause();
        socket.unshift(chunk);
        route(socket, chunk[0] ?? 0);
        process.nextTick(() => socket.resume());
      });
      socket.on('error', () => socket.destroy());
    });
  const listen = (server: NetServer, address: string, onPort: number) =>
    new Promise<NetServer>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, address, () => resolve(server));
    });
  // "localhost" may resolve to 127.0.0.1 or ::1 depending on the client: listen on both, on the
  // same port. If ::1 has that port taken by another program, a client resolving localhost to
  // ::1 would reach that program instead: with a chosen port that is an error, with port 0 we
  // try another port.
  const addresses = host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
  for (let attempt = 0; ; attempt++) {
    const first = await listen(make(), addresses[0] ?? host, port);
    const servers = [first];
    const bound = (first.address() as AddressInfo).port;
    let isTaken = false;
    for (const address of addresses.slice(1)) {
      try {
        servers.push(await listen(make(), address, bound));
      } catch (error) {
        // No IPv6 loopback on this machine (EADDRNOTAVAIL, EAFNOSUPPORT): IPv4 is enough.
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') isTaken = true;
      }
    }
    if (!isTaken) return { port: bound, close: () => closeAll(servers, sockets) };
    await closeAll(servers, sockets);
    if (port !== 0 || attempt >= 10) {
      throw new Error(`Port ${bound} is in use on ::1 (IPv6 localhost) by another program`);
    }
  }
}

async function closeAll(servers: readonly NetServer[], sockets: Set<Socket>): Promise<void> {
  const closed = servers.map((server) => new Promise((resolve) => server.close(resolve)));
  for (const socket of sockets) socket.destroy();
  await Promise.all(closed);
}
