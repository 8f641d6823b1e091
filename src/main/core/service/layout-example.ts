import { join } from 'node:path'
import { parseSettingsPatch } from '../config'
import { renderLayout } from '../library'
// One song with every field filled in, so each placeholder shows in the example.
const EXAMPLE_SONG = {
  artist: 'Daft Punk',
  artists: ['Daft Punk', 'Romanthony'],
  album: 'Discovery',
  title: 'One More Time',
  ext: 'flac',
  playlist: 'Road Trip',
  track: 1,
}

/** Where the example song lands under `layout` in the first library root. */
export function layoutExample(layout: string, libraryRoot: string): { path: string } {
  parseSettingsPatch({ layout }, 'layout')
  return { path: join(libraryRoot, renderLayout(layout, EXAMPLE_SONG)) }
}
