/**
 * A merchant's own server, as a shop would write it: one webhook endpoint that verifies
 * `Coverkit-Signature` with `@coverkit/widget/server` over the raw body, refuses what does
 * not verify, and records each event once (delivery is at least once).
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyCoverkitSignature, type CoverkitEvent } from '../../widget/src/server.ts';

export interface MerchantServer {
  url: string;
  /** Verified events in the order they arrived (duplicates dropped). */
  events: CoverkitEvent[];
  /** Deliveries refused for a bad signature. */
  refused: number;
  /** Every POST received, duplicates included. */
  deliveries: number;
  /** Answer the next `count` deliveries with `status` (an outage on the merchant's side). */
  failNext(count: number, status?: number): void;
  /** Resolves once `predicate` holds for the recorded events (polls every 25 ms, up to `timeoutMs`). */
  waitFor(predicate: (events: CoverkitEvent[]) => boolean, timeoutMs?: number): Promise<CoverkitEvent[]>;
  close(): Promise<void>;
}

export async function startMerchantServer(secret: string): Promise<MerchantServer> {
  const seen = new Set<string>();
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  const merchant: Omit<MerchantServer, 'url'> & { url: string } = {
    url: '',
    events: [],
    refused: 0,
    deliveries: 0,
    failNext(count, status = 500) {
      failures = { count, status };
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(merchant.events)) {
        if (Date.now() > deadline) throw new Error(`timed out; received: ${merchant.events.map((event) => event.type).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return merchant.events;
    },
    close: async () => undefined,
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      merchant.deliveries += 1;
      const rawBody = Buffer.concat(chunks).toString('utf8');
      if (failures.count > 0) {
        failures.count -= 1;
        response.writeHead(failures.status).end();
        return;
      }
      verifyCoverkitSignature(rawBody, request.headers['coverkit-signature'] as string | undefined, secret).then(
        (event) => {
          if (!seen.has(event.id)) {
            seen.add(event.id);
            merchant.events.push(event);
          }
          response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
        },
        () => {
          merchant.refused += 1;
          response.writeHead(400).end();
        },
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  merchant.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/coverkit`;
  merchant.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return merchant;
}
