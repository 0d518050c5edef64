// One GET over Node's own HTTP client, for fetch-feed.ts (which owns redirects, limits and errors).

import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';

// Node's own HTTP client with keep-alive sockets: the global fetch costs about three times the CPU
// per request (measured on the idle cycle, where 50 feeds answer 304).
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 8 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 8 }),
};

/** The request in flight, so a time limit or the caller can end it. */
export interface Exchange {
  current: ClientRequest | null;
  stopped: boolean;
}

/** One GET, resolved with the response head. A kept-alive socket the server closed meanwhile is retried once. */
export function send(
  url: string,
  headers: Record<string, string>,
  exchange: Exchange,
  retry = true,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (exchange.stopped) return reject(new Error('stopped'));
    const protocol = url.startsWith('https:') ? 'https:' : 'http:';
    const client = protocol === 'https:' ? https : http;
    const request = client.request(url, { method: 'GET', headers, agent: agents[protocol] }, resolve);
    exchange.current = request;
    request.once('error', (err: NodeJS.ErrnoException) => {
      // Node's docs: a request on a reused socket may meet the server's own keep-alive timeout.
      if (
        retry &&
        request.reusedSocket &&
        (err.code === 'ECONNRESET' || err.code === 'EPIPE') &&
        !exchange.stopped
      )
        send(url, headers, exchange, false).then(resolve, reject);
      else reject(err);
    });
    request.end();
  });
}
