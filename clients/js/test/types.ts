// Compiled, never run (`npm run build` type-checks it): request infers its result and variables from a
// typed document, as GraphQL Code Generator's client preset writes them with documentMode: 'string'.
import { createClient, type Schema, type TypedDocument } from '../src/index.js';

class TypedDocumentString<TResult, TVariables> extends String {
  __apiType?: (variables: TVariables) => TResult;
}

type AssetQuery = { asset: Pick<Schema.Asset, 'id' | 'filename'> | null };
const byClass = new TypedDocumentString<AssetQuery, { id: string }>('query($id: ID!) { asset(id: $id) { id filename } }');
const byCast = 'query($id: ID!) { asset(id: $id) { id } }' as TypedDocument<AssetQuery, { id: string }>;
const client = createClient({ url: 'http://localhost:8080' });

export async function typed(): Promise<string[]> {
  const a = await client.request(byClass, { id: 'ast_1' });
  const b = await client.request(byCast, { id: 'ast_1' });
  // @ts-expect-error the variables are typed
  await client.request(byClass, { id: 1 });
  // @ts-expect-error so is the result
  const n: number = a.asset?.filename;
  const untyped = await client.request('{ assets { totalCount } }');
  return [a.asset?.filename ?? '', b.asset?.id ?? '', String(n), String(untyped)];
}
