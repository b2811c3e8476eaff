'use client';

// next/image's loader for Mediagraph: src is an asset's `url` (/media/asset/{id}/{filename}), and
// Mediagraph resizes it with imgix's parameters. Next.js asks for its deviceSizes and imageSizes
// widths, which are MEDIAGRAPH_UNSIGNED_WIDTHS' default: with MEDIAGRAPH_SIGNING_KEY set these
// unsigned URLs are still served, any other width needs a signature.
export default function mediagraphLoader({ src, width, quality }: { src: string; width: number; quality?: number }): string {
  const url = new URL(src);
  url.searchParams.set('w', String(width));
  url.searchParams.set('q', String(quality ?? 75));
  url.searchParams.set('auto', 'format');
  return url.toString();
}
