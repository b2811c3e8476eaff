// The bundle goes into the Go package that embeds it (server/web/app/dist) and is committed, so the
// binary serves the UI without Node. Names carry content hashes and nothing depends on the time or the
// machine, so a fresh build is byte-identical to the committed one (scripts/check-ui compares them).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  base: '/ui/',
  plugins: [react()],
  resolve: {
    alias: {
      // The project's own client, from its sources: no separate build step, and its Node-only upload
      // path (createFromLocalFile) resolves to a stub that the browser never calls.
      '@mediagraph/client': here('../clients/js/src/index.ts'),
      'node:fs': here('./src/lib/nodestub.ts'),
      'node:os': here('./src/lib/nodestub.ts'),
      'node:path': here('./src/lib/nodestub.ts'),
      'node:crypto': here('./src/lib/nodestub.ts'),
    },
  },
  build: {
    outDir: process.env.MEDIAGRAPH_UI_OUT ?? here('../server/web/app/dist'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
});
