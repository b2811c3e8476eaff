// Every GraphQL operation the UI sends: the public API's own fields, typed by GraphQL Code Generator.
import { graphql } from './gql';

export const SettingsQuery = graphql(`
  query Settings {
    mediaSettings {
      locales defaultLocale localeFallbacks { locale fallbacks }
      maxUploadBytes maxFilesPerUpload maxPageSize uploadTypes
    }
  }
`);

export const AssetCardFields = graphql(`
  fragment AssetCard on Asset {
    id kind status filename mimeType size width height aspectRatio createdAt updatedAt
    blurhash lqip inUse processingError version
    poster { blurhash }
    thumb: url(params: { w: 320, h: 320, fit: MAX, auto: [FORMAT] }, signed: true, expiresIn: 86400)
    tags { id name }
    collection { id name }
    antivirus { status threatName }
    moderation { status }
  }
`);

export const AssetsQuery = graphql(`
  query Assets($filter: AssetFilter, $query: String, $orderBy: AssetOrder, $first: Int, $after: String) {
    assets(filter: $filter, query: $query, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ...AssetCard }
    }
  }
`);

export const AssetDetailQuery = graphql(`
  query AssetDetail($id: ID!) {
    asset(id: $id) {
      ...AssetCard
      originalFilename format duration pageCount hasAlpha colorSpace frameRate videoCodec audioCodec
      author copyright notes deletedAt
      original: url(signed: true, expiresIn: 86400)
      gateUrl: url
      versionedUrl: transformUrl
      colors { hex }
      exif { make model lensModel exposureTime fNumber iso focalLength dateTaken latitude longitude altitude }
      defaultFieldMetadata { locale alt title focalPoint { x y } }
      usages { id live entry { type id field locale } }
      versions { number filename size width height createdAt url(signed: true, expiresIn: 86400) }
      antivirus { status threatName scannedAt error }
      moderation { status note }
    }
  }
`);

export const LocalizedQuery = graphql(`
  query AssetLocalized($id: ID!, $locale: String!) {
    asset(id: $id) { id alt(locale: $locale) title(locale: $locale) }
  }
`);

// One level at a time: the API's complexity limit refuses a whole deep tree in one query.
export const CollectionsQuery = graphql(`
  query Collections($parentId: ID) {
    collections(parentId: $parentId) { id name assetCount }
  }
`);

export const TagsQuery = graphql(`
  query Tags($search: String) {
    tags(search: $search, first: 100) { nodes { id name assetCount } }
  }
`);

export const UpdateAssetMutation = graphql(`
  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {
    updateAsset(id: $id, input: $input) {
      ...AssetCard author copyright notes
      defaultFieldMetadata { locale alt title focalPoint { x y } }
    }
  }
`);

export const TagAssetsMutation = graphql(`
  mutation TagAssets($ids: [ID!]!, $tags: [String!]!) { tagAssets(ids: $ids, tags: $tags) { id tags { id name } } }
`);
export const UntagAssetsMutation = graphql(`
  mutation UntagAssets($ids: [ID!]!, $tags: [String!]!) { untagAssets(ids: $ids, tags: $tags) { id tags { id name } } }
`);
export const MoveAssetsMutation = graphql(`
  mutation MoveAssets($ids: [ID!]!, $collectionId: ID) { moveAssets(ids: $ids, collectionId: $collectionId) { id collection { id name } } }
`);
export const SetStatusMutation = graphql(`
  mutation SetStatus($ids: [ID!]!, $status: AssetStatus!) { setAssetStatus(ids: $ids, status: $status) { id status } }
`);
export const DeleteAssetsMutation = graphql(`
  mutation DeleteAssets($ids: [ID!]!) { deleteAssets(ids: $ids) }
`);
export const RestoreAssetsMutation = graphql(`
  mutation RestoreAssets($ids: [ID!]!) { restoreAssets(ids: $ids) { id deletedAt } }
`);
export const PurgeAssetsMutation = graphql(`
  mutation PurgeAssets($ids: [ID!]!) { purgeAssets(ids: $ids) }
`);
export const ModerateMutation = graphql(`
  mutation Moderate($ids: [ID!]!, $status: ModerationStatus!, $note: String) {
    moderateAssets(ids: $ids, status: $status, note: $note) { id moderation { status note } }
  }
`);
export const RestoreVersionMutation = graphql(`
  mutation RestoreVersion($id: ID!, $version: Int!) { restoreAssetVersion(id: $id, version: $version) { ...AssetCard } }
`);

export const CreateCollectionMutation = graphql(`
  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { id name } }
`);
export const RenameCollectionMutation = graphql(`
  mutation RenameCollection($id: ID!, $name: String!) { updateCollection(id: $id, input: { name: $name }) { id name } }
`);
export const MoveCollectionMutation = graphql(`
  mutation MoveCollection($id: ID!, $parentId: ID) { moveCollection(id: $id, parentId: $parentId) { id } }
`);
export const DeleteCollectionMutation = graphql(`
  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }
`);

export const AssetEventsSubscription = graphql(`
  subscription AssetEvents {
    assetEvents { id event assetId asset { ...AssetCard } }
  }
`);

export const TokensQuery = graphql(`
  query Tokens { apiTokens { id name role createdAt lastUsedAt revokedAt } }
`);
export const CreateTokenMutation = graphql(`
  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role createdAt lastUsedAt revokedAt } } }
`);
export const RevokeTokenMutation = graphql(`
  mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }
`);

export const WebhooksQuery = graphql(`
  query Webhooks { webhooks { id name url events enabled failureCount disabledReason } webhookEventNames }
`);
export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id name url events enabled failureCount disabledReason } } }
`);
export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }
`);

export const MeQuery = graphql(`
  query Me { me { id email name role { id name } } }
`);
export const MembersQuery = graphql(`
  query Members {
    members { id email name deactivatedAt createdAt role { id name } }
    roles { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }
  }
`);
export const RolesQuery = graphql(`
  query Roles { roles { id name builtIn } }
`);
export const CreateMemberMutation = graphql(`
  mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) { invitationUrl member { id email name deactivatedAt createdAt role { id name } } }
  }
`);
export const DeactivateMemberMutation = graphql(`
  mutation DeactivateMember($id: ID!) { deactivateMember(id: $id) { id deactivatedAt } }
`);
export const CreateRoleMutation = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }
  }
`);
export const MySessionsQuery = graphql(`
  query MySessions { mySessions { id userAgent createdAt lastUsedAt expiresAt } }
`);
export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }
`);
export const ChangeCreatorMutation = graphql(`
  mutation ChangeCreator($ids: [ID!]!, $creatorId: ID!) { updateAssets(ids: $ids, input: { creatorId: $creatorId }) { id } }
`);
export const CreatorsQuery = graphql(`
  query Creators { members { id email name deactivatedAt } }
`);
export const ZipMutation = graphql(`
  mutation ZipDownload($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url expiresAt fileCount } }
`);
export const FacetsQuery = graphql(`
  query Facets($filter: AssetFilter) {
    assetFacets(filter: $filter, facets: [KIND, STATUS, ANTIVIRUS, MODERATION]) {
      kind { value count } status { value count } antivirus { value count } moderation { value count }
    }
  }
`);
export const SavedFiltersQuery = graphql(`
  query SavedFilters { savedFilters { id name filter orderBy search shared mine } }
`);
export const CreateSavedFilterMutation = graphql(`
  mutation CreateSavedFilter($input: CreateSavedFilterInput!) { createSavedFilter(input: $input) { id name filter orderBy search shared mine } }
`);
export const DeleteSavedFilterMutation = graphql(`
  mutation DeleteSavedFilter($id: ID!) { deleteSavedFilter(id: $id) }
`);
