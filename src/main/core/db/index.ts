/** The db folder's public face: other folders import only this. */
export { CatalogDatabase } from './catalog-database'
export type { CatalogDatabaseOptions } from './catalog-database'
