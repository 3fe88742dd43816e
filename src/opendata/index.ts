/** The open data module's public face: datasets, their DCAT catalogue, the public API and the labs' access tokens. */
export { opendataMigrations } from "./db/migrations";
export { datasets, datasetByResource, datasetBySlug, allItems, publicItem, type Dataset } from "./datasets";
export { catalogue } from "./catalogue";
export { LICENCE, tableSchemaFields } from "./formats";
export { API_BASE, apiErrorResponse, apiList, corsHeaders, jsonWithEtag, openApiDocument, pageSchemaOf, preflightHeaders } from "./api";
export { createToken, datasetFile, datasetSchema, datasetsPage, readerOf, revokeTokenFor, tokensPage, TOKEN_PREFIX } from "./service";
export { mayRead, publicScope, readScope, tokenRights, type ReadScope, type TokenRights } from "./permissions";
export { revokeFormSchema, tokenFormSchema } from "./schemas";
