import { defineConfig } from 'astro/config';

// A static site: pages are built once, at `astro build`, from what a DELIVERY token sees.
export default defineConfig({ output: 'static' });
