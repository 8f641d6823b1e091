/** The import-writer folder's public face: other folders import only this. */
export { PlaylistImporter } from './playlist-importer'
export type { FileImportResult } from './playlist-importer'
