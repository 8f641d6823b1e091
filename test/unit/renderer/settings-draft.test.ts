import { describe, expect, it } from 'vitest'
import {
  checkDraft,
  draftFromSettings,
  settingsPatch,
} from '../../../src/renderer/src/model/settings-draft'
import { arrayMove } from '@dnd-kit/sortable'
import { SAVED } from '../../support/renderer/settings-fixture'

describe('the settings draft', () => {
  it('edits the library-first switch and the playlist and archive folders', () => {
    const draft = {
      ...draftFromSettings(SAVED),
      checkLibraryFirst: false,
      playlistFolder: ' Lists ',
    }
    expect(settingsPatch(SAVED, draft)).toEqual({
      patch: { checkLibraryFirst: false, playlistFolder: 'Lists' },
    })
    expect(settingsPatch(SAVED, { ...draft, archiveFolder: ' ' })).toEqual({
      errors: { archiveFolder: 'give a folder name' },
    })
  })

  it('shows numbers as text, the speed limit in MB/s, and roots one per line', () => {
    const draft = draftFromSettings({ ...SAVED, libraryRoots: ['/a', '/b'] })
    expect(draft).toMatchObject({
      libraryRoots: '/a\n/b',
      downloaders: '4',
      resolvers: 'auto',
      speedLimit: '2.5',
    })
    expect(draft.sources.map((s) => s.originalId)).toEqual(['direct', 'nas', 'yt'])
  })

  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    const draft = draftFromSettings(SAVED)
    expect(settingsPatch(SAVED, draft)).toEqual({ patch: {} })
    const edited = {
      ...draft,
      downloaders: '8',
      resolvers: '3',
      speedLimit: '',
      libraryRoots: ' /music \n\n/more\n',
    }
    expect(settingsPatch(SAVED, edited)).toEqual({
      patch: {
        downloaders: 8,
        resolvers: 3,
        speedLimitBytesPerSec: null,
        libraryRoots: ['/music', '/more'],
      },
    })
  })

  it('names each field that cannot be saved', () => {
    const draft = {
      ...draftFromSettings(SAVED),
      downloaders: '65',
      resolvers: 'many',
      speedLimit: '-1',
      maxDownloadAttempts: '2.5',
      layout: '{artist}',
      libraryRoots: '  ',
    }
    const result = checkDraft(draft)
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual([
      'downloaders',
      'layout',
      'libraryRoots',
      'maxDownloadAttempts',
      'resolvers',
      'speedLimit',
    ])
  })

  it('sends reordered sources with an empty download order: all of them, in list order', () => {
    const draft = draftFromSettings(SAVED)
    const moved = { ...draft, sources: arrayMove(draft.sources, 2, 0) }
    const result = settingsPatch(SAVED, moved)
    expect(result).toEqual({
      patch: {
        sources: [SAVED.sources[2], SAVED.sources[0], SAVED.sources[1]],
        downloadSources: [],
      },
    })
  })

  it('keeps a custom download order in step with the new order, renames and removals', () => {
    const saved = { ...SAVED, downloadSources: ['yt', 'nas'] }
    const draft = draftFromSettings(saved)
    const [direct, nas, yt] = draft.sources
    const renamed = { ...yt!, entry: { ...yt!.entry, id: 'ytdlp' } }
    const result = settingsPatch(saved, { ...draft, sources: [nas!, renamed, direct!] })
    expect('patch' in result && result.patch.downloadSources).toEqual(['nas', 'ytdlp'])
    const removed = settingsPatch(saved, { ...draft, sources: [direct!, yt!] })
    expect('patch' in removed && removed.patch.downloadSources).toEqual(['yt'])
  })
})
