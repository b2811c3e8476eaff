// node seed.mjs FIXTURES: uploads the example images (PUBLIC, with alt text) into the collection
// $MEDIAGRAPH_COLLECTION of the Mediagraph at $MEDIAGRAPH_PUBLIC_URL, with $MEDIAGRAPH_ADMIN_TOKEN.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const api = `${process.env.MEDIAGRAPH_PUBLIC_URL}/graphql`;
const auth = { Authorization: `Bearer ${process.env.MEDIAGRAPH_ADMIN_TOKEN}` };
const fixtures = process.argv[2];

// The fixtures of ../shared/fixtures a site shows: every raster format, a CMYK JPEG, an EXIF-rotated one.
const images = {
  'photo-12mp.jpg': 'The Duomo at dawn',
  'rotated-orientation-6.jpg': 'A portrait photo, rotated by its EXIF orientation',
  'alpha.png': 'A transparent PNG',
  'focal-red-square.png': 'A red square on white',
  'photo.webp': 'A WebP photo',
  'photo.avif': 'An AVIF photo',
  'cmyk.jpg': 'A CMYK JPEG',
};

async function gql(body, headers = { 'Content-Type': 'application/json' }) {
  const res = await fetch(api, { method: 'POST', headers: { ...auth, ...headers }, body });
  const out = await res.json();
  if (!res.ok || out.errors) throw new Error(`seed: HTTP ${res.status}: ${JSON.stringify(out.errors ?? out)}`);
  return out.data;
}

const { createCollection } = await gql(JSON.stringify({
  query: 'mutation($name: String!) { createCollection(input: { name: $name }) { id } }',
  variables: { name: process.env.MEDIAGRAPH_COLLECTION },
}));
for (const [name, alt] of Object.entries(images)) {
  const form = new FormData();
  form.append('operations', JSON.stringify({
    query: 'mutation($files: [Upload!]!, $input: UploadAssetsInput) { uploadAssets(files: $files, input: $input) { id } }',
    variables: {
      files: [null],
      input: { status: 'PUBLIC', collectionId: createCollection.id, tags: ['example'], defaultFieldMetadata: [{ locale: 'en', alt }] },
    },
  }));
  form.append('map', JSON.stringify({ 0: ['variables.files.0'] }));
  form.append('0', new Blob([await readFile(join(fixtures, name))]), name);
  await gql(form, {});
}
console.log(`seeded ${Object.keys(images).length} images into the collection ${process.env.MEDIAGRAPH_COLLECTION}`);
