/** The text folder's public face: other folders import only this. */
export { normalizeArtists, normalizeText } from './normalize'
