// A minimal outside client of the KotakBlazor market hub.
//
//   cd wwwroot-assets && npm ci            # once: installs @microsoft/signalr
//   KB_API_KEY=kb_... node ../docs/hub-client/watch-ticks.mjs http://localhost:5000 "Nifty 50" RELIANCE-EQ
//
// Create the API key as an admin on /admin/api-keys. It prints each tick as one line and
// stops after KB_MAX_TICKS ticks (default: runs until Ctrl+C).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../../wwwroot-assets/package.json'));
const signalR = require('@microsoft/signalr');

const [baseUrl = 'http://localhost:5000', ...symbols] = process.argv.slice(2);
const apiKey = process.env.KB_API_KEY;
const maxTicks = Number(process.env.KB_MAX_TICKS ?? Infinity);
if (!apiKey) {
  console.error('Set KB_API_KEY to an API key an admin created on /admin/api-keys.');
  process.exit(2);
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/market`, {
    // Sent on the negotiate request too, so a wrong key fails with a plain 401.
    headers: { 'X-Api-Key': apiKey },
  })
  .withAutomaticReconnect()
  .configureLogging(signalR.LogLevel.Warning)
  .build();

let received = 0;
connection.on('Tick', tick => {
  console.log(`${tick.exchangeTime} ${tick.symbol.padEnd(20)} ${String(tick.lastPrice).padStart(10)} ${tick.changePercent >= 0 ? '+' : ''}${tick.changePercent}% vol ${tick.volume}`);
  if (++received >= maxTicks) connection.stop();
});
// After a reconnect the server has forgotten this connection's subscriptions.
connection.onreconnected(() => connection.invoke('Subscribe', symbols.length ? symbols : ['Nifty 50']));

try {
  await connection.start();
  const result = await connection.invoke('Subscribe', symbols.length ? symbols : ['Nifty 50']);
  console.error(`subscribed: ${result.subscribed.map(s => `${s.symbol} (${s.instrument})`).join(', ')}`);
} catch (err) {
  console.error(`failed: ${err.message}`);
  process.exit(1);
}
