import NextImage from 'next/image';
import { notFound } from 'next/navigation';
import { graphql } from '@/lib/gql';
import { assetTag, query } from '@/lib/mediagraph';

const AssetPage = graphql(`
  query AssetPage($id: ID!) {
    asset(id: $id) {
      id
      url
      width
      height
      alt
      title
    }
  }
`);

// One asset's page, rendered on its first visit and kept until a webhook revalidates `asset:<id>`.
export const dynamic = 'force-static';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { asset } = await query(AssetPage, { id }, [assetTag(id)]);
  if (!asset) notFound();
  return (
    <main>
      <h1>{asset.title ?? asset.alt ?? asset.id}</h1>
      <NextImage src={asset.url} alt={asset.alt ?? ''} width={640} height={Math.round((640 * (asset.height ?? 1)) / (asset.width ?? 1))} />
      <p>{asset.alt}</p>
    </main>
  );
}
