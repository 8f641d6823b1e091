/** The tags folder's public face: other folders import only this. */
export { FileTagger } from './file-tagger'
export { songTags } from './song-tags'
