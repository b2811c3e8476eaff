'use client';

import { Image, type ResponsiveImageType } from 'react-datocms/image';

// react-datocms' <Image> renders Mediagraph's responsiveImage as it renders DatoCMS's: a <picture>
// with WebP and AVIF sources, the blurred base64 placeholder and the dominant color behind it.
export function ResponsiveImage({ data }: { data: ResponsiveImageType }) {
  return <Image data={data} priority />;
}
