import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = join(__dirname, '..', '..', '..')
const renderer = join(root, 'src/renderer/src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Each renderer file with the renderer folders its relative imports reach, `screens/...`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((match) =>
    relative(renderer, resolve(dirname(file), match[1]!)),
  )
}

const filesIn = (folder: string) => sources(join(renderer, folder))

describe('the renderer layers', () => {
  it('reads the imports it checks', () => {
    const settingsStore = join(renderer, 'stores/settings-store.ts')
    expect(importsOf(settingsStore)).toContain('model/settings-draft')
  })

  it.each(['stores', 'model'])('keeps %s free of imports from screens', (folder) => {
    const offenders = filesIn(folder).flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('screens/'))
        .map((target) => `${relative(renderer, file)} -> ${target}`),
    )
    expect(offenders).toEqual([])
  })

  it('keeps the model free of stores', () => {
    const offenders = filesIn('model').flatMap((file) =>
      importsOf(file).filter((target) => target.startsWith('stores/')),
    )
    expect(offenders).toEqual([])
  })

  it('leaves every subscription to the service events to the window events', () => {
    const subscribers = sources(renderer)
      .filter((file) => /\.on\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(renderer, file))
    expect(subscribers).toEqual(['window-events.tsx'])
  })
})
