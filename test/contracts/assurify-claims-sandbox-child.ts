/**
 * The Assurify sandbox alone in a child process, so a test can measure the memory of the
 * server that sends claims to it without counting the sandbox's (which parses the JSON).
 * argv: webhook URL, webhook secret, secret key. Prints `listening <port>` when ready.
 */
import { serve } from '@hono/node-server';
import { createAssurifySandbox } from '../../server/src/sandbox/assurify/assurify-sandbox.ts';

const [webhookUrl = '', webhookSecret = '', secretKey = ''] = process.argv.slice(2);
const sandbox = createAssurifySandbox({ secretKey, webhook: { url: webhookUrl, secret: webhookSecret } });
const server = serve({ fetch: sandbox.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
