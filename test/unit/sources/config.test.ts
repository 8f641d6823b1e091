import { afterEach, describe, expect, it } from 'vitest'
import { LocalIndexRepository } from '../../../src/main/core/catalog/local-index-repository'
import { CatalogDatabase } from '../../../src/main/core/db/catalog-database'
import { parseSourcesConfig, SourceConfigError } from '../../../src/main/core/sources/config'
import {
  createSources,
  DEFAULT_MAX_CONCURRENCY,
} from '../../../src/main/core/sources/create-sources'

const valid = [
  { id: 'own', type: 'direct' },
  { id: 'nas', type: 'local', roots: ['/srv/music'], link: true, maxConcurrency: 2 },
  { id: 'home', type: 'subsonic', url: 'http://127.0.0.1:4533', user: 'alice', password: 'pw' },
  {
    id: 'yt',
    type: 'command',
    command: ['yt-dlp', '-j', '--', 'ytsearch1:{query}'],
    timeoutMs: 5000,
  },
]

function problemsOf(input: unknown): string[] {
  try {
    parseSourcesConfig(input)
  } catch (error) {
    if (error instanceof SourceConfigError) return error.problems
    throw error
  }
  throw new Error('expected a SourceConfigError')
}

describe('parseSourcesConfig', () => {
  it('accepts every type and fills the defaults', () => {
    const configs = parseSourcesConfig([...valid, { id: 'nas2', type: 'local', roots: ['/a'] }])
    expect(configs.map((config) => config.id)).toEqual(['own', 'nas', 'home', 'yt', 'nas2'])
    expect(configs[4]).toEqual({ id: 'nas2', type: 'local', roots: ['/a'], link: false })
    expect(parseSourcesConfig([{ id: 'y', type: 'command', command: ['x'] }])[0]).toMatchObject({
      timeoutMs: 120_000,
    })
  })

  it('names the source by id, or by index when it has none, for an unknown type', () => {
    expect(problemsOf([{ id: 'ftp1', type: 'ftp' }])).toEqual([
      'source "ftp1": unknown type "ftp" (expected one of direct, local, subsonic, command)',
    ])
    expect(problemsOf([valid[0], { type: 'ftp' }])[0]).toMatch(/^sources\[1\]: unknown type "ftp"/)
    expect(problemsOf([{ id: 'x' }])[0]).toMatch(/^source "x": missing "type"/)
    expect(problemsOf(['direct'])).toEqual(['sources[0]: must be an object'])
  })

  it('refuses unknown keys, naming them', () => {
    const problems = problemsOf([{ ...valid[2], token: 'abc' }])
    expect(problems).toEqual(['source "home": Unrecognized key: "token"'])
  })

  it('names the field of every bad value and lists all problems at once', () => {
    const error = (() => {
      try {
        parseSourcesConfig([
          { id: 'nas', type: 'local', roots: ['relative/dir'] },
          { id: 'home', type: 'subsonic', url: 'ftp://x', user: '', password: 'pw' },
          { id: 'own', type: 'direct', maxConcurrency: 0 },
        ])
      } catch (caught) {
        return caught as SourceConfigError
      }
      throw new Error('expected an error')
    })()
    expect(error.problems).toEqual([
      'source "nas": roots.0: must be an absolute path',
      'source "home": url: must be an http(s) URL',
      expect.stringMatching(/^source "home": user: /),
      expect.stringMatching(/^source "own": maxConcurrency: /),
    ])
    expect(error.message).toMatch(/^Invalid sources configuration:\n {2}source "nas"/)
  })

  it('checks command lines: a fixed program and known placeholders only', () => {
    expect(problemsOf([{ id: 'c', type: 'command', command: [] }])[0]).toMatch(
      /command: give at least/,
    )
    expect(problemsOf([{ id: 'c', type: 'command', command: ['{title}'] }])[0]).toMatch(
      /fixed, non-empty name/,
    )
    expect(problemsOf([{ id: 'c', type: 'command', command: ['x', '{titel}'] }])[0]).toMatch(
      /unknown placeholder \{titel\}/,
    )
    // Other braces (JSON, yt-dlp output templates) are not placeholders.
    expect(() =>
      parseSourcesConfig([{ id: 'c', type: 'command', command: ['x', '{"a":1}'] }]),
    ).not.toThrow()
  })

  it('refuses a bad id, a duplicate id and anything but an array', () => {
    expect(problemsOf([{ id: 'a b', type: 'direct' }])[0]).toMatch(/^source "a b": id: use 1-64/)
    expect(problemsOf([valid[0], valid[0]])).toEqual(['source "own": the id is used twice'])
    expect(problemsOf({ sources: [] })).toEqual(['"sources" must be an array'])
  })

  it('never repeats the password in its messages', () => {
    const problems = problemsOf([{ ...valid[2], password: 12345678, extra: 1 }])
    expect(problems.join('\n')).not.toContain('12345678')
  })
})

describe('createSources', () => {
  const dbs: CatalogDatabase[] = []
  afterEach(() => dbs.splice(0).forEach((db) => db.close()))

  it('builds one source per entry, in order, with per-type concurrency defaults', () => {
    const db = new CatalogDatabase(':memory:')
    dbs.push(db)
    const sources = createSources(valid, { localIndex: new LocalIndexRepository(db) })
    expect(sources.map((source) => [source.id, source.type, source.maxConcurrency])).toEqual([
      ['own', 'direct', DEFAULT_MAX_CONCURRENCY.direct],
      ['nas', 'local', 2],
      ['home', 'subsonic', DEFAULT_MAX_CONCURRENCY.subsonic],
      ['yt', 'command', DEFAULT_MAX_CONCURRENCY.command],
    ])
  })

  it('throws the configuration error before building anything', () => {
    const db = new CatalogDatabase(':memory:')
    dbs.push(db)
    expect(() =>
      createSources([{ id: 'x', type: 'nope' }], { localIndex: new LocalIndexRepository(db) }),
    ).toThrow(SourceConfigError)
  })
})
