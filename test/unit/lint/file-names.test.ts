import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(__dirname, '..', '..', '..')
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

describe('file names', () => {
  it('are kebab-case everywhere under src/ and test/ (test fixtures aside)', () => {
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'test'))]
      .map((path) => relative(root, path))
      .filter((path) => !path.startsWith('test/fixtures/'))
      .filter((path) => !KEBAB.test(path.split('/').pop()!))
    expect(offenders).toEqual([])
  })
})
