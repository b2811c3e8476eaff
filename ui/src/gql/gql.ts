/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TransformPresets { transformPresets { id name query } }\n": typeof types.TransformPresetsDocument,
    "\n  query PresetUrl($id: ID!, $preset: String!) { asset(id: $id) { id presetUrl: transformUrl(preset: $preset) } }\n": typeof types.PresetUrlDocument,
    "\n  query Playground($id: ID!, $params: ImageParams!) { asset(id: $id) { id url(params: $params, signed: true, expiresIn: 3600) transformUrl(params: $params) } }\n": typeof types.PlaygroundDocument,
    "\n  query Waveform($id: ID!) { asset(id: $id) { id audio { waveform(buckets: 160) waveformReason } } }\n": typeof types.WaveformDocument,
    "\n  mutation EditImage($id: ID!, $operations: [ImageOperationInput!]!) {\n    editImage(id: $id, operations: $operations) { id version width height size versions { number filename size width height createdAt } }\n  }\n": typeof types.EditImageDocument,
    "\n  query AssetMetadata($id: ID!) {\n    asset(id: $id) { id metadata { locale value field { id key label type options required localized } } }\n  }\n": typeof types.AssetMetadataDocument,
    "\n  mutation SetMetadata($ids: [ID!]!, $metadata: [MetadataValueInput!]!) {\n    updateAssets(ids: $ids, input: { metadata: $metadata }) { id metadata { locale value field { id key } } }\n  }\n": typeof types.SetMetadataDocument,
    "\n  query MetadataFields { metadataFields { id key label type options required localized } }\n": typeof types.MetadataFieldsDocument,
    "\n  query ChildCollections($parentId: ID) { collections(parentId: $parentId) { id name } }\n": typeof types.ChildCollectionsDocument,
    "\n  query UploadPresets { uploadPresets { id name allowedTypes maxBytes tags } }\n": typeof types.UploadPresetsDocument,
    "\n  query Settings {\n    mediaSettings {\n      locales defaultLocale localeFallbacks { locale fallbacks }\n      maxUploadBytes maxFilesPerUpload maxPageSize uploadTypes\n    }\n  }\n": typeof types.SettingsDocument,
    "\n  fragment AssetCard on Asset {\n    id kind status filename mimeType size width height aspectRatio createdAt updatedAt\n    blurhash lqip inUse processingError version\n    poster { blurhash }\n    thumb: url(params: { w: 320, h: 320, fit: MAX, auto: [FORMAT] }, signed: true, expiresIn: 86400)\n    tags { id name }\n    collection { id name }\n    antivirus { status threatName }\n    moderation { status }\n  }\n": typeof types.AssetCardFragmentDoc,
    "\n  query Assets($filter: AssetFilter, $query: String, $orderBy: AssetOrder, $first: Int, $after: String) {\n    assets(filter: $filter, query: $query, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...AssetCard }\n    }\n  }\n": typeof types.AssetsDocument,
    "\n  query AssetDetail($id: ID!) {\n    asset(id: $id) {\n      ...AssetCard\n      originalFilename format duration pageCount hasAlpha colorSpace frameRate videoCodec audioCodec\n      author copyright notes deletedAt\n      original: url(signed: true, expiresIn: 86400)\n      gateUrl: url\n      versionedUrl: transformUrl\n      colors { hex }\n      exif { make model lensModel exposureTime fNumber iso focalLength dateTaken latitude longitude altitude }\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n      usages { id live entry { type id field locale } }\n      versions { number filename size width height createdAt url(signed: true, expiresIn: 86400) }\n      antivirus { status threatName scannedAt error }\n      moderation { status note }\n    }\n  }\n": typeof types.AssetDetailDocument,
    "\n  query AssetLocalized($id: ID!, $locale: String!) {\n    asset(id: $id) { id alt(locale: $locale) title(locale: $locale) }\n  }\n": typeof types.AssetLocalizedDocument,
    "\n  query Collections($parentId: ID) {\n    collections(parentId: $parentId) { id name assetCount }\n  }\n": typeof types.CollectionsDocument,
    "\n  query Tags($search: String) {\n    tags(search: $search, first: 100) { nodes { id name assetCount } }\n  }\n": typeof types.TagsDocument,
    "\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetCard author copyright notes\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n    }\n  }\n": typeof types.UpdateAssetDocument,
    "\n  mutation TagAssets($ids: [ID!]!, $tags: [String!]!) { tagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n": typeof types.TagAssetsDocument,
    "\n  mutation UntagAssets($ids: [ID!]!, $tags: [String!]!) { untagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n": typeof types.UntagAssetsDocument,
    "\n  mutation MoveAssets($ids: [ID!]!, $collectionId: ID) { moveAssets(ids: $ids, collectionId: $collectionId) { id collection { id name } } }\n": typeof types.MoveAssetsDocument,
    "\n  mutation SetStatus($ids: [ID!]!, $status: AssetStatus!) { setAssetStatus(ids: $ids, status: $status) { id status } }\n": typeof types.SetStatusDocument,
    "\n  mutation DeleteAssets($ids: [ID!]!) { deleteAssets(ids: $ids) }\n": typeof types.DeleteAssetsDocument,
    "\n  mutation RestoreAssets($ids: [ID!]!) { restoreAssets(ids: $ids) { id deletedAt } }\n": typeof types.RestoreAssetsDocument,
    "\n  mutation PurgeAssets($ids: [ID!]!) { purgeAssets(ids: $ids) }\n": typeof types.PurgeAssetsDocument,
    "\n  mutation Moderate($ids: [ID!]!, $status: ModerationStatus!, $note: String) {\n    moderateAssets(ids: $ids, status: $status, note: $note) { id moderation { status note } }\n  }\n": typeof types.ModerateDocument,
    "\n  mutation RestoreVersion($id: ID!, $version: Int!) { restoreAssetVersion(id: $id, version: $version) { ...AssetCard } }\n": typeof types.RestoreVersionDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { id name } }\n": typeof types.CreateCollectionDocument,
    "\n  mutation RenameCollection($id: ID!, $name: String!) { updateCollection(id: $id, input: { name: $name }) { id name } }\n": typeof types.RenameCollectionDocument,
    "\n  mutation MoveCollection($id: ID!, $parentId: ID) { moveCollection(id: $id, parentId: $parentId) { id } }\n": typeof types.MoveCollectionDocument,
    "\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n": typeof types.DeleteCollectionDocument,
    "\n  subscription AssetEvents {\n    assetEvents { id event assetId asset { ...AssetCard } }\n  }\n": typeof types.AssetEventsDocument,
    "\n  query Tokens { apiTokens { id name role createdAt lastUsedAt revokedAt } }\n": typeof types.TokensDocument,
    "\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role createdAt lastUsedAt revokedAt } } }\n": typeof types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }\n": typeof types.RevokeTokenDocument,
    "\n  query Webhooks { webhooks { id name url events enabled failureCount disabledReason } webhookEventNames }\n": typeof types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id name url events enabled failureCount disabledReason } } }\n": typeof types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }\n": typeof types.DeleteWebhookDocument,
    "\n  query Me { me { id email name role { id name } } }\n": typeof types.MeDocument,
    "\n  query Members {\n    members { id email name deactivatedAt createdAt role { id name } }\n    roles { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n": typeof types.MembersDocument,
    "\n  query Roles { roles { id name builtIn } }\n": typeof types.RolesDocument,
    "\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { invitationUrl member { id email name deactivatedAt createdAt role { id name } } }\n  }\n": typeof types.CreateMemberDocument,
    "\n  mutation DeactivateMember($id: ID!) { deactivateMember(id: $id) { id deactivatedAt } }\n": typeof types.DeactivateMemberDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n": typeof types.CreateRoleDocument,
    "\n  query MySessions { mySessions { id userAgent createdAt lastUsedAt expiresAt } }\n": typeof types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n": typeof types.RevokeSessionDocument,
    "\n  mutation ChangeCreator($ids: [ID!]!, $creatorId: ID!) { updateAssets(ids: $ids, input: { creatorId: $creatorId }) { id } }\n": typeof types.ChangeCreatorDocument,
    "\n  query Creators { members { id email name deactivatedAt } }\n": typeof types.CreatorsDocument,
    "\n  mutation ZipDownload($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url expiresAt fileCount } }\n": typeof types.ZipDownloadDocument,
    "\n  query Facets($filter: AssetFilter) {\n    assetFacets(filter: $filter, facets: [KIND, STATUS, ANTIVIRUS, MODERATION]) {\n      kind { value count } status { value count } antivirus { value count } moderation { value count }\n    }\n  }\n": typeof types.FacetsDocument,
    "\n  query SavedFilters { savedFilters { id name filter orderBy search shared mine } }\n": typeof types.SavedFiltersDocument,
    "\n  mutation CreateSavedFilter($input: CreateSavedFilterInput!) { createSavedFilter(input: $input) { id name filter orderBy search shared mine } }\n": typeof types.CreateSavedFilterDocument,
    "\n  mutation DeleteSavedFilter($id: ID!) { deleteSavedFilter(id: $id) }\n": typeof types.DeleteSavedFilterDocument,
};
const documents: Documents = {
    "\n  query TransformPresets { transformPresets { id name query } }\n": types.TransformPresetsDocument,
    "\n  query PresetUrl($id: ID!, $preset: String!) { asset(id: $id) { id presetUrl: transformUrl(preset: $preset) } }\n": types.PresetUrlDocument,
    "\n  query Playground($id: ID!, $params: ImageParams!) { asset(id: $id) { id url(params: $params, signed: true, expiresIn: 3600) transformUrl(params: $params) } }\n": types.PlaygroundDocument,
    "\n  query Waveform($id: ID!) { asset(id: $id) { id audio { waveform(buckets: 160) waveformReason } } }\n": types.WaveformDocument,
    "\n  mutation EditImage($id: ID!, $operations: [ImageOperationInput!]!) {\n    editImage(id: $id, operations: $operations) { id version width height size versions { number filename size width height createdAt } }\n  }\n": types.EditImageDocument,
    "\n  query AssetMetadata($id: ID!) {\n    asset(id: $id) { id metadata { locale value field { id key label type options required localized } } }\n  }\n": types.AssetMetadataDocument,
    "\n  mutation SetMetadata($ids: [ID!]!, $metadata: [MetadataValueInput!]!) {\n    updateAssets(ids: $ids, input: { metadata: $metadata }) { id metadata { locale value field { id key } } }\n  }\n": types.SetMetadataDocument,
    "\n  query MetadataFields { metadataFields { id key label type options required localized } }\n": types.MetadataFieldsDocument,
    "\n  query ChildCollections($parentId: ID) { collections(parentId: $parentId) { id name } }\n": types.ChildCollectionsDocument,
    "\n  query UploadPresets { uploadPresets { id name allowedTypes maxBytes tags } }\n": types.UploadPresetsDocument,
    "\n  query Settings {\n    mediaSettings {\n      locales defaultLocale localeFallbacks { locale fallbacks }\n      maxUploadBytes maxFilesPerUpload maxPageSize uploadTypes\n    }\n  }\n": types.SettingsDocument,
    "\n  fragment AssetCard on Asset {\n    id kind status filename mimeType size width height aspectRatio createdAt updatedAt\n    blurhash lqip inUse processingError version\n    poster { blurhash }\n    thumb: url(params: { w: 320, h: 320, fit: MAX, auto: [FORMAT] }, signed: true, expiresIn: 86400)\n    tags { id name }\n    collection { id name }\n    antivirus { status threatName }\n    moderation { status }\n  }\n": types.AssetCardFragmentDoc,
    "\n  query Assets($filter: AssetFilter, $query: String, $orderBy: AssetOrder, $first: Int, $after: String) {\n    assets(filter: $filter, query: $query, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...AssetCard }\n    }\n  }\n": types.AssetsDocument,
    "\n  query AssetDetail($id: ID!) {\n    asset(id: $id) {\n      ...AssetCard\n      originalFilename format duration pageCount hasAlpha colorSpace frameRate videoCodec audioCodec\n      author copyright notes deletedAt\n      original: url(signed: true, expiresIn: 86400)\n      gateUrl: url\n      versionedUrl: transformUrl\n      colors { hex }\n      exif { make model lensModel exposureTime fNumber iso focalLength dateTaken latitude longitude altitude }\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n      usages { id live entry { type id field locale } }\n      versions { number filename size width height createdAt url(signed: true, expiresIn: 86400) }\n      antivirus { status threatName scannedAt error }\n      moderation { status note }\n    }\n  }\n": types.AssetDetailDocument,
    "\n  query AssetLocalized($id: ID!, $locale: String!) {\n    asset(id: $id) { id alt(locale: $locale) title(locale: $locale) }\n  }\n": types.AssetLocalizedDocument,
    "\n  query Collections($parentId: ID) {\n    collections(parentId: $parentId) { id name assetCount }\n  }\n": types.CollectionsDocument,
    "\n  query Tags($search: String) {\n    tags(search: $search, first: 100) { nodes { id name assetCount } }\n  }\n": types.TagsDocument,
    "\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetCard author copyright notes\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n    }\n  }\n": types.UpdateAssetDocument,
    "\n  mutation TagAssets($ids: [ID!]!, $tags: [String!]!) { tagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n": types.TagAssetsDocument,
    "\n  mutation UntagAssets($ids: [ID!]!, $tags: [String!]!) { untagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n": types.UntagAssetsDocument,
    "\n  mutation MoveAssets($ids: [ID!]!, $collectionId: ID) { moveAssets(ids: $ids, collectionId: $collectionId) { id collection { id name } } }\n": types.MoveAssetsDocument,
    "\n  mutation SetStatus($ids: [ID!]!, $status: AssetStatus!) { setAssetStatus(ids: $ids, status: $status) { id status } }\n": types.SetStatusDocument,
    "\n  mutation DeleteAssets($ids: [ID!]!) { deleteAssets(ids: $ids) }\n": types.DeleteAssetsDocument,
    "\n  mutation RestoreAssets($ids: [ID!]!) { restoreAssets(ids: $ids) { id deletedAt } }\n": types.RestoreAssetsDocument,
    "\n  mutation PurgeAssets($ids: [ID!]!) { purgeAssets(ids: $ids) }\n": types.PurgeAssetsDocument,
    "\n  mutation Moderate($ids: [ID!]!, $status: ModerationStatus!, $note: String) {\n    moderateAssets(ids: $ids, status: $status, note: $note) { id moderation { status note } }\n  }\n": types.ModerateDocument,
    "\n  mutation RestoreVersion($id: ID!, $version: Int!) { restoreAssetVersion(id: $id, version: $version) { ...AssetCard } }\n": types.RestoreVersionDocument,
    "\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { id name } }\n": types.CreateCollectionDocument,
    "\n  mutation RenameCollection($id: ID!, $name: String!) { updateCollection(id: $id, input: { name: $name }) { id name } }\n": types.RenameCollectionDocument,
    "\n  mutation MoveCollection($id: ID!, $parentId: ID) { moveCollection(id: $id, parentId: $parentId) { id } }\n": types.MoveCollectionDocument,
    "\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n": types.DeleteCollectionDocument,
    "\n  subscription AssetEvents {\n    assetEvents { id event assetId asset { ...AssetCard } }\n  }\n": types.AssetEventsDocument,
    "\n  query Tokens { apiTokens { id name role createdAt lastUsedAt revokedAt } }\n": types.TokensDocument,
    "\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role createdAt lastUsedAt revokedAt } } }\n": types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }\n": types.RevokeTokenDocument,
    "\n  query Webhooks { webhooks { id name url events enabled failureCount disabledReason } webhookEventNames }\n": types.WebhooksDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id name url events enabled failureCount disabledReason } } }\n": types.CreateWebhookDocument,
    "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }\n": types.DeleteWebhookDocument,
    "\n  query Me { me { id email name role { id name } } }\n": types.MeDocument,
    "\n  query Members {\n    members { id email name deactivatedAt createdAt role { id name } }\n    roles { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n": types.MembersDocument,
    "\n  query Roles { roles { id name builtIn } }\n": types.RolesDocument,
    "\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { invitationUrl member { id email name deactivatedAt createdAt role { id name } } }\n  }\n": types.CreateMemberDocument,
    "\n  mutation DeactivateMember($id: ID!) { deactivateMember(id: $id) { id deactivatedAt } }\n": types.DeactivateMemberDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n": types.CreateRoleDocument,
    "\n  query MySessions { mySessions { id userAgent createdAt lastUsedAt expiresAt } }\n": types.MySessionsDocument,
    "\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n": types.RevokeSessionDocument,
    "\n  mutation ChangeCreator($ids: [ID!]!, $creatorId: ID!) { updateAssets(ids: $ids, input: { creatorId: $creatorId }) { id } }\n": types.ChangeCreatorDocument,
    "\n  query Creators { members { id email name deactivatedAt } }\n": types.CreatorsDocument,
    "\n  mutation ZipDownload($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url expiresAt fileCount } }\n": types.ZipDownloadDocument,
    "\n  query Facets($filter: AssetFilter) {\n    assetFacets(filter: $filter, facets: [KIND, STATUS, ANTIVIRUS, MODERATION]) {\n      kind { value count } status { value count } antivirus { value count } moderation { value count }\n    }\n  }\n": types.FacetsDocument,
    "\n  query SavedFilters { savedFilters { id name filter orderBy search shared mine } }\n": types.SavedFiltersDocument,
    "\n  mutation CreateSavedFilter($input: CreateSavedFilterInput!) { createSavedFilter(input: $input) { id name filter orderBy search shared mine } }\n": types.CreateSavedFilterDocument,
    "\n  mutation DeleteSavedFilter($id: ID!) { deleteSavedFilter(id: $id) }\n": types.DeleteSavedFilterDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransformPresets { transformPresets { id name query } }\n"): (typeof documents)["\n  query TransformPresets { transformPresets { id name query } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PresetUrl($id: ID!, $preset: String!) { asset(id: $id) { id presetUrl: transformUrl(preset: $preset) } }\n"): (typeof documents)["\n  query PresetUrl($id: ID!, $preset: String!) { asset(id: $id) { id presetUrl: transformUrl(preset: $preset) } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Playground($id: ID!, $params: ImageParams!) { asset(id: $id) { id url(params: $params, signed: true, expiresIn: 3600) transformUrl(params: $params) } }\n"): (typeof documents)["\n  query Playground($id: ID!, $params: ImageParams!) { asset(id: $id) { id url(params: $params, signed: true, expiresIn: 3600) transformUrl(params: $params) } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Waveform($id: ID!) { asset(id: $id) { id audio { waveform(buckets: 160) waveformReason } } }\n"): (typeof documents)["\n  query Waveform($id: ID!) { asset(id: $id) { id audio { waveform(buckets: 160) waveformReason } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditImage($id: ID!, $operations: [ImageOperationInput!]!) {\n    editImage(id: $id, operations: $operations) { id version width height size versions { number filename size width height createdAt } }\n  }\n"): (typeof documents)["\n  mutation EditImage($id: ID!, $operations: [ImageOperationInput!]!) {\n    editImage(id: $id, operations: $operations) { id version width height size versions { number filename size width height createdAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetMetadata($id: ID!) {\n    asset(id: $id) { id metadata { locale value field { id key label type options required localized } } }\n  }\n"): (typeof documents)["\n  query AssetMetadata($id: ID!) {\n    asset(id: $id) { id metadata { locale value field { id key label type options required localized } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMetadata($ids: [ID!]!, $metadata: [MetadataValueInput!]!) {\n    updateAssets(ids: $ids, input: { metadata: $metadata }) { id metadata { locale value field { id key } } }\n  }\n"): (typeof documents)["\n  mutation SetMetadata($ids: [ID!]!, $metadata: [MetadataValueInput!]!) {\n    updateAssets(ids: $ids, input: { metadata: $metadata }) { id metadata { locale value field { id key } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetadataFields { metadataFields { id key label type options required localized } }\n"): (typeof documents)["\n  query MetadataFields { metadataFields { id key label type options required localized } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildCollections($parentId: ID) { collections(parentId: $parentId) { id name } }\n"): (typeof documents)["\n  query ChildCollections($parentId: ID) { collections(parentId: $parentId) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadPresets { uploadPresets { id name allowedTypes maxBytes tags } }\n"): (typeof documents)["\n  query UploadPresets { uploadPresets { id name allowedTypes maxBytes tags } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    mediaSettings {\n      locales defaultLocale localeFallbacks { locale fallbacks }\n      maxUploadBytes maxFilesPerUpload maxPageSize uploadTypes\n    }\n  }\n"): (typeof documents)["\n  query Settings {\n    mediaSettings {\n      locales defaultLocale localeFallbacks { locale fallbacks }\n      maxUploadBytes maxFilesPerUpload maxPageSize uploadTypes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssetCard on Asset {\n    id kind status filename mimeType size width height aspectRatio createdAt updatedAt\n    blurhash lqip inUse processingError version\n    poster { blurhash }\n    thumb: url(params: { w: 320, h: 320, fit: MAX, auto: [FORMAT] }, signed: true, expiresIn: 86400)\n    tags { id name }\n    collection { id name }\n    antivirus { status threatName }\n    moderation { status }\n  }\n"): (typeof documents)["\n  fragment AssetCard on Asset {\n    id kind status filename mimeType size width height aspectRatio createdAt updatedAt\n    blurhash lqip inUse processingError version\n    poster { blurhash }\n    thumb: url(params: { w: 320, h: 320, fit: MAX, auto: [FORMAT] }, signed: true, expiresIn: 86400)\n    tags { id name }\n    collection { id name }\n    antivirus { status threatName }\n    moderation { status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assets($filter: AssetFilter, $query: String, $orderBy: AssetOrder, $first: Int, $after: String) {\n    assets(filter: $filter, query: $query, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...AssetCard }\n    }\n  }\n"): (typeof documents)["\n  query Assets($filter: AssetFilter, $query: String, $orderBy: AssetOrder, $first: Int, $after: String) {\n    assets(filter: $filter, query: $query, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...AssetCard }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetDetail($id: ID!) {\n    asset(id: $id) {\n      ...AssetCard\n      originalFilename format duration pageCount hasAlpha colorSpace frameRate videoCodec audioCodec\n      author copyright notes deletedAt\n      original: url(signed: true, expiresIn: 86400)\n      gateUrl: url\n      versionedUrl: transformUrl\n      colors { hex }\n      exif { make model lensModel exposureTime fNumber iso focalLength dateTaken latitude longitude altitude }\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n      usages { id live entry { type id field locale } }\n      versions { number filename size width height createdAt url(signed: true, expiresIn: 86400) }\n      antivirus { status threatName scannedAt error }\n      moderation { status note }\n    }\n  }\n"): (typeof documents)["\n  query AssetDetail($id: ID!) {\n    asset(id: $id) {\n      ...AssetCard\n      originalFilename format duration pageCount hasAlpha colorSpace frameRate videoCodec audioCodec\n      author copyright notes deletedAt\n      original: url(signed: true, expiresIn: 86400)\n      gateUrl: url\n      versionedUrl: transformUrl\n      colors { hex }\n      exif { make model lensModel exposureTime fNumber iso focalLength dateTaken latitude longitude altitude }\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n      usages { id live entry { type id field locale } }\n      versions { number filename size width height createdAt url(signed: true, expiresIn: 86400) }\n      antivirus { status threatName scannedAt error }\n      moderation { status note }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssetLocalized($id: ID!, $locale: String!) {\n    asset(id: $id) { id alt(locale: $locale) title(locale: $locale) }\n  }\n"): (typeof documents)["\n  query AssetLocalized($id: ID!, $locale: String!) {\n    asset(id: $id) { id alt(locale: $locale) title(locale: $locale) }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Collections($parentId: ID) {\n    collections(parentId: $parentId) { id name assetCount }\n  }\n"): (typeof documents)["\n  query Collections($parentId: ID) {\n    collections(parentId: $parentId) { id name assetCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tags($search: String) {\n    tags(search: $search, first: 100) { nodes { id name assetCount } }\n  }\n"): (typeof documents)["\n  query Tags($search: String) {\n    tags(search: $search, first: 100) { nodes { id name assetCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetCard author copyright notes\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAsset($id: ID!, $input: UpdateAssetInput!) {\n    updateAsset(id: $id, input: $input) {\n      ...AssetCard author copyright notes\n      defaultFieldMetadata { locale alt title focalPoint { x y } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TagAssets($ids: [ID!]!, $tags: [String!]!) { tagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n"): (typeof documents)["\n  mutation TagAssets($ids: [ID!]!, $tags: [String!]!) { tagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UntagAssets($ids: [ID!]!, $tags: [String!]!) { untagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n"): (typeof documents)["\n  mutation UntagAssets($ids: [ID!]!, $tags: [String!]!) { untagAssets(ids: $ids, tags: $tags) { id tags { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveAssets($ids: [ID!]!, $collectionId: ID) { moveAssets(ids: $ids, collectionId: $collectionId) { id collection { id name } } }\n"): (typeof documents)["\n  mutation MoveAssets($ids: [ID!]!, $collectionId: ID) { moveAssets(ids: $ids, collectionId: $collectionId) { id collection { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatus($ids: [ID!]!, $status: AssetStatus!) { setAssetStatus(ids: $ids, status: $status) { id status } }\n"): (typeof documents)["\n  mutation SetStatus($ids: [ID!]!, $status: AssetStatus!) { setAssetStatus(ids: $ids, status: $status) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAssets($ids: [ID!]!) { deleteAssets(ids: $ids) }\n"): (typeof documents)["\n  mutation DeleteAssets($ids: [ID!]!) { deleteAssets(ids: $ids) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreAssets($ids: [ID!]!) { restoreAssets(ids: $ids) { id deletedAt } }\n"): (typeof documents)["\n  mutation RestoreAssets($ids: [ID!]!) { restoreAssets(ids: $ids) { id deletedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeAssets($ids: [ID!]!) { purgeAssets(ids: $ids) }\n"): (typeof documents)["\n  mutation PurgeAssets($ids: [ID!]!) { purgeAssets(ids: $ids) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Moderate($ids: [ID!]!, $status: ModerationStatus!, $note: String) {\n    moderateAssets(ids: $ids, status: $status, note: $note) { id moderation { status note } }\n  }\n"): (typeof documents)["\n  mutation Moderate($ids: [ID!]!, $status: ModerationStatus!, $note: String) {\n    moderateAssets(ids: $ids, status: $status, note: $note) { id moderation { status note } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreVersion($id: ID!, $version: Int!) { restoreAssetVersion(id: $id, version: $version) { ...AssetCard } }\n"): (typeof documents)["\n  mutation RestoreVersion($id: ID!, $version: Int!) { restoreAssetVersion(id: $id, version: $version) { ...AssetCard } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { id name } }\n"): (typeof documents)["\n  mutation CreateCollection($input: CreateCollectionInput!) { createCollection(input: $input) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameCollection($id: ID!, $name: String!) { updateCollection(id: $id, input: { name: $name }) { id name } }\n"): (typeof documents)["\n  mutation RenameCollection($id: ID!, $name: String!) { updateCollection(id: $id, input: { name: $name }) { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCollection($id: ID!, $parentId: ID) { moveCollection(id: $id, parentId: $parentId) { id } }\n"): (typeof documents)["\n  mutation MoveCollection($id: ID!, $parentId: ID) { moveCollection(id: $id, parentId: $parentId) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n"): (typeof documents)["\n  mutation DeleteCollection($id: ID!) { deleteCollection(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AssetEvents {\n    assetEvents { id event assetId asset { ...AssetCard } }\n  }\n"): (typeof documents)["\n  subscription AssetEvents {\n    assetEvents { id event assetId asset { ...AssetCard } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens { apiTokens { id name role createdAt lastUsedAt revokedAt } }\n"): (typeof documents)["\n  query Tokens { apiTokens { id name role createdAt lastUsedAt revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role createdAt lastUsedAt revokedAt } } }\n"): (typeof documents)["\n  mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name role createdAt lastUsedAt revokedAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }\n"): (typeof documents)["\n  mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webhooks { webhooks { id name url events enabled failureCount disabledReason } webhookEventNames }\n"): (typeof documents)["\n  query Webhooks { webhooks { id name url events enabled failureCount disabledReason } webhookEventNames }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id name url events enabled failureCount disabledReason } } }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id name url events enabled failureCount disabledReason } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }\n"): (typeof documents)["\n  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id email name role { id name } } }\n"): (typeof documents)["\n  query Me { me { id email name role { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    members { id email name deactivatedAt createdAt role { id name } }\n    roles { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n"): (typeof documents)["\n  query Members {\n    members { id email name deactivatedAt createdAt role { id name } }\n    roles { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles { roles { id name builtIn } }\n"): (typeof documents)["\n  query Roles { roles { id name builtIn } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { invitationUrl member { id email name deactivatedAt createdAt role { id name } } }\n  }\n"): (typeof documents)["\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { invitationUrl member { id email name deactivatedAt createdAt role { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateMember($id: ID!) { deactivateMember(id: $id) { id deactivatedAt } }\n"): (typeof documents)["\n  mutation DeactivateMember($id: ID!) { deactivateMember(id: $id) { id deactivatedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id name builtIn permissions { readMedia writeMedia deleteMedia publishMedia manageTags manageCollections manageTokens manageWebhooks manageSettings moderate } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions { mySessions { id userAgent createdAt lastUsedAt expiresAt } }\n"): (typeof documents)["\n  query MySessions { mySessions { id userAgent createdAt lastUsedAt expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeCreator($ids: [ID!]!, $creatorId: ID!) { updateAssets(ids: $ids, input: { creatorId: $creatorId }) { id } }\n"): (typeof documents)["\n  mutation ChangeCreator($ids: [ID!]!, $creatorId: ID!) { updateAssets(ids: $ids, input: { creatorId: $creatorId }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Creators { members { id email name deactivatedAt } }\n"): (typeof documents)["\n  query Creators { members { id email name deactivatedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ZipDownload($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url expiresAt fileCount } }\n"): (typeof documents)["\n  mutation ZipDownload($ids: [ID!]!) { createZipDownload(input: { ids: $ids }) { url expiresAt fileCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Facets($filter: AssetFilter) {\n    assetFacets(filter: $filter, facets: [KIND, STATUS, ANTIVIRUS, MODERATION]) {\n      kind { value count } status { value count } antivirus { value count } moderation { value count }\n    }\n  }\n"): (typeof documents)["\n  query Facets($filter: AssetFilter) {\n    assetFacets(filter: $filter, facets: [KIND, STATUS, ANTIVIRUS, MODERATION]) {\n      kind { value count } status { value count } antivirus { value count } moderation { value count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SavedFilters { savedFilters { id name filter orderBy search shared mine } }\n"): (typeof documents)["\n  query SavedFilters { savedFilters { id name filter orderBy search shared mine } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedFilter($input: CreateSavedFilterInput!) { createSavedFilter(input: $input) { id name filter orderBy search shared mine } }\n"): (typeof documents)["\n  mutation CreateSavedFilter($input: CreateSavedFilterInput!) { createSavedFilter(input: $input) { id name filter orderBy search shared mine } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedFilter($id: ID!) { deleteSavedFilter(id: $id) }\n"): (typeof documents)["\n  mutation DeleteSavedFilter($id: ID!) { deleteSavedFilter(id: $id) }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;