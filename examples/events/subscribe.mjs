// Follows assetEvents over graphql-transport-ws with the graphql-ws client, once per token given, and
// prints a line per event: "<token index> <event> <asset id> <ms since the epoch>".
//   node subscribe.mjs ws://localhost:8080/graphql mg_admin… mg_delivery…
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, ...tokens] = process.argv.slice(2);
const query = `subscription { assetEvents(events: ["asset.created"]) { event assetId asset { id status } } }`;
tokens.forEach((token, who) => {
  const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, connectionParams: { Authorization: `Bearer ${token}` } });
  client.subscribe({ query }, {
    next: ({ data, errors }) =>
      console.log(errors ? `${who} error ${JSON.stringify(errors)}` : `${who} ${data.assetEvents.event} ${data.assetEvents.assetId} ${Date.now()}`),
    error: (err) => console.log(`${who} error ${JSON.stringify(err?.message ?? err)}`),
    complete: () => console.log(`${who} complete`),
  });
});
