import type { CodegenConfig } from '@graphql-codegen/cli';

// TypeScript types for the site's queries, from the schema Mediagraph serves at /graphql (a DELIVERY
// token is enough to introspect it). `npm run codegen` writes lib/gql/.
const config: CodegenConfig = {
  schema: [
    {
      [`${process.env.MEDIAGRAPH_PUBLIC_URL ?? 'http://localhost:8080'}/graphql`]: {
        headers: { Authorization: `Bearer ${process.env.MEDIAGRAPH_TOKEN ?? ''}` },
      },
    },
  ],
  documents: ['app/**/*.tsx', 'lib/**/*.ts', '!lib/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    './lib/gql/': {
      preset: 'client',
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Int64: 'number', Time: 'string', JSON: 'unknown', Upload: 'File' },
      },
    },
  },
};

export default config;
