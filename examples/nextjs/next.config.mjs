// Images come straight from Mediagraph, which resizes them: the loader file builds its transform URLs,
// so Next.js's own optimizer is not involved. remotePatterns names Mediagraph for any next/image that
// sets `loader` back to Next.js's default.
const mediagraph = new URL(process.env.MEDIAGRAPH_PUBLIC_URL ?? 'http://localhost:8080');

/** @type {import('next').NextConfig} */
export default {
  images: {
    loader: 'custom',
    loaderFile: './lib/mediagraph-loader.ts',
    remotePatterns: [
      {
        protocol: mediagraph.protocol.replace(':', ''),
        hostname: mediagraph.hostname,
        port: mediagraph.port,
        pathname: '/media/**',
      },
    ],
  },
};
