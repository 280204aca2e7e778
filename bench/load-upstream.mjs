// The upstream API for bench/load.mjs, run as its own process so the replicas' calls to it never wait on the
// load generator's event loop: answers JSON at once (a pet for GET /pet/{id}, an echo otherwise) on 127.0.0.1,
// prints {"port"} on stdout when listening; GET /__load/hits answers how many API requests it has served.
import { createServer } from 'node:http';

let hits = 0;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url === '/__load/hits') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ hits }));
      return;
    }
    hits++;
    const pet = /^\/pet\/(\d+)/.exec(req.url ?? '');
    const body = pet
      ? {
          id: Number(pet[1]),
          name: `pet-${pet[1]}`,
          status: 'available',
          category: { id: 1, name: 'dogs' },
          photoUrls: [],
          tags: [{ id: 1, name: 'friendly' }],
        }
      : { method: req.method, url: req.url };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
// Ends with its parent: the parent kills it, and a closed stdin (the parent died) ends it too.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
