import { describe, expect, it } from 'vitest'
import {
  emptySourceForm,
  formFromSource,
  sourceFromForm,
} from '../../../src/renderer/src/screens/settings/source-form'
import type { SourceSettings } from '../../../src/shared/settings'

describe('the source editor form', () => {
  it('turns a form back into the same entry, keeping keys the form does not show', () => {
    const entries: SourceSettings[] = [
      { id: 'direct', type: 'direct' },
      { id: 'disk', type: 'local', roots: ['/a', '/b'], link: true, maxConcurrency: 2 },
      { id: 'nas', type: 'subsonic', url: 'http://nas:4533', user: 'me', password: '***' },
      { id: 'yt', type: 'command', command: ['yt-dlp', '-j', 'ytsearch1:{query}'], timeoutMs: 900 },
    ]
    for (const entry of entries) {
      expect(sourceFromForm(formFromSource(entry), entry, [])).toEqual({ entry })
    }
  })

  it('builds a new entry from lines, and refuses duplicate or bad ids', () => {
    const form = { ...emptySourceForm('command'), id: 'yt', command: 'yt-dlp\n-j\n\n{query}\n' }
    expect(sourceFromForm(form, null, [])).toEqual({
      entry: {
        id: 'yt',
        type: 'command',
        command: ['yt-dlp', '-j', '{query}'],
        timeoutMs: 120_000,
      },
    })
    expect(sourceFromForm(form, null, ['yt'])).toEqual({
      error: 'another source already has the id “yt”',
    })
    expect(sourceFromForm({ ...form, id: 'bad id' }, null, [])).toHaveProperty('error')
    expect(sourceFromForm({ ...emptySourceForm('local'), id: 'x' }, null, [])).toEqual({
      error: 'give at least one folder',
    })
  })

  it('asks for the password again when a Subsonic source with a stored one is renamed', () => {
    const entry: SourceSettings = {
      id: 'nas',
      type: 'subsonic',
      url: 'http://nas',
      user: 'me',
      password: '***',
    }
    const renamed = { ...formFromSource(entry), id: 'nas2' }
    expect(sourceFromForm(renamed, entry, [])).toEqual({
      error: 'type the password again when changing the id',
    })
    expect(sourceFromForm({ ...renamed, password: 'secret' }, entry, [])).toHaveProperty('entry')
  })
})
