// The operations' result and variable types, from the schema files of this checkout: `npm run codegen`
// writes src/gql/ (committed), and scripts/check-ui fails when a fresh run differs.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/*.graphqls',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { ID: 'string', Int64: 'number', Time: 'string', JSON: 'unknown', MetadataValue: 'unknown', Upload: 'File' },
      },
    },
  },
};
export default config;
