// Prints a TCP port that is free on 127.0.0.1 now (the OS picks it), for the browser tests'
// server when E2E_PORT is not set: a fixed port fails the whole suite when something holds it.
import { createServer } from 'node:net';

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  server.close(() => process.stdout.write(String(typeof address === 'object' && address ? address.port : '')));
});
