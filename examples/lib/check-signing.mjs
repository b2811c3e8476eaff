// node check-signing.mjs: under MEDIAGRAPH_SIGNING_KEY, proves the key is in force before a site relies
// on the unsigned allow-list: an unsigned w=17 answers 403, an allow-listed w=16 answers 200.
const res = await fetch(`${process.env.MEDIAGRAPH_PUBLIC_URL}/graphql`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${process.env.MEDIAGRAPH_TOKEN}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({ query: '{ assets(first: 1, filter: { kind: { eq: IMAGE } }) { nodes { url } } }' }),
});
const { data } = await res.json();
const url = data.assets.nodes[0].url;
for (const [w, want] of [[17, 403], [16, 200]]) {
  const got = (await fetch(`${url}?w=${w}`)).status;
  if (got !== want) {
    console.error(`signing: unsigned ${url}?w=${w} answered ${got}, want ${want}`);
    process.exit(1);
  }
}
console.log('signing: the key is in force (unsigned w=17: 403, allow-listed w=16: 200)');
