import NextImage from 'next/image';
import type { ResponsiveImageType } from 'react-datocms/image';
import { graphql } from '@/lib/gql';
import { listTag, query } from '@/lib/mediagraph';
import { ResponsiveImage } from './responsive-image';

const Gallery = graphql(`
  query Gallery {
    assets(first: 24, filter: { kind: { eq: IMAGE } }) {
      nodes {
        id
        url
        width
        height
        alt
        responsiveImage(params: { w: 480, ar: "4:3", fit: CROP, crop: FOCALPOINT, auto: [FORMAT] }) {
          src
          srcSet
          webpSrcSet
          avifSrcSet
          sizes
          width
          height
          aspectRatio
          alt
          title
          base64
          bgColor
        }
      }
    }
  }
`);

// The page is built at `next build` from what a DELIVERY token sees, and built again on the first visit
// after a webhook revalidated its tag (app/api/revalidate).
export const dynamic = 'force-static';

export default async function Page() {
  const { assets } = await query(Gallery, {}, [listTag]);
  return (
    <main>
      <h1>Mediagraph with Next.js</h1>
      <h2>next/image, through the Mediagraph loader</h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
        {assets.nodes.map((a) => (
          <a key={a.id} href={`/asset/${a.id}`}>
            <NextImage src={a.url} alt={a.alt ?? ''} width={320} height={Math.round((320 * (a.height ?? 1)) / (a.width ?? 1))} />
          </a>
        ))}
      </div>
      <h2>react-datocms&apos; &lt;Image&gt;, from responsiveImage</h2>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 480px))', gap: '1rem' }}>
        {assets.nodes.map((a) => a.responsiveImage && <ResponsiveImage key={a.id} data={a.responsiveImage as ResponsiveImageType} />)}
      </div>
    </main>
  );
}
