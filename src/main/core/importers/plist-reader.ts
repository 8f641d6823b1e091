import type { SaxesTagNS } from 'saxes'
import { FormatProblem } from './errors'
import { readXml } from './xml-reader'
import type { XmlHandler } from './xml-reader'

export type PlistValue = string | number | boolean | PlistValue[] | PlistDict
/** A Map, so that keys such as "__proto__" are just data, and large dicts stay fast. */
export type PlistDict = Map<string, PlistValue>

type Frame =
  | { kind: 'plist'; value: PlistValue | undefined }
  | { kind: 'dict'; dict: PlistDict; key: string | null }
  | { kind: 'array'; items: PlistValue[] }

const SCALARS = new Set(['key', 'string', 'integer', 'real', 'date', 'data', 'true', 'false'])
const INTEGER = /^[+-]?\d+$/
// A library nests four levels deep; a limit keeps hostile nesting from reaching recursion.
const MAX_DEPTH = 32

export function isPlistDict(value: PlistValue | undefined): value is PlistDict {
  return value instanceof Map
}

/** A plist value as plain JSON-ready data, for the snapshot. */
export function plainValue(value: PlistValue): unknown {
  if (Array.isArray(value)) return value.map(plainValue)
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([key, item]) => [key, plainValue(item)]))
  }
  return value
}

function scalarValue(element: string, text: string): PlistValue {
  switch (element) {
    case 'true':
      return true
    case 'false':
      return false
    case 'integer': {
      const value = text.trim()
      if (!INTEGER.test(value)) throw new FormatProblem(`<integer> holds "${value}"`)
      return Number(value)
    }
    case 'real': {
      const value = Number(text.trim())
      if (text.trim() === '' || Number.isNaN(value)) {
        throw new FormatProblem(`<real> holds "${text}"`)
      }
      return value
    }
    case 'data':
      return text.replace(/\s+/g, '')
    default:
      return text
  }
}

/** Builds plist values from XML events. */
class PlistBuilder implements XmlHandler {
  root: PlistValue | undefined
  private readonly frames: Frame[] = []
  private scalar: string | null = null
  private buffer = ''

  open(tag: SaxesTagNS): void {
    if (this.scalar !== null) throw new FormatProblem(`<${tag.name}> inside <${this.scalar}>`)
    if (this.frames.length === 0 && tag.local !== 'plist') {
      throw new FormatProblem(`root element <${tag.name}> is not a <plist>`)
    }
    if (this.frames.length > MAX_DEPTH) throw new FormatProblem('the plist is nested too deeply')
    if (this.frames.length === 0) this.frames.push({ kind: 'plist', value: undefined })
    else if (tag.local === 'dict') this.frames.push({ kind: 'dict', dict: new Map(), key: null })
    else if (tag.local === 'array') this.frames.push({ kind: 'array', items: [] })
    else if (SCALARS.has(tag.local)) {
      this.scalar = tag.local
      this.buffer = ''
    } else throw new FormatProblem(`unexpected element <${tag.name}> in the plist`)
  }

  close(): void {
    if (this.scalar !== null) {
      const element = this.scalar
      this.scalar = null
      if (element === 'key') this.setKey(this.buffer)
      else this.add(scalarValue(element, this.buffer))
      return
    }
    const frame = this.frames.pop()
    if (frame?.kind === 'plist') this.root = frame.value
    else if (frame?.kind === 'array') this.add(frame.items)
    else if (frame?.kind === 'dict') {
      if (frame.key !== null) throw new FormatProblem(`<key>${frame.key}</key> has no value`)
      this.add(frame.dict)
    }
  }

  text(text: string): void {
    if (this.scalar !== null) this.buffer += text
  }

  private setKey(key: string): void {
    const frame = this.frames.at(-1)
    if (frame?.kind !== 'dict') throw new FormatProblem('<key> outside a <dict>')
    if (frame.key !== null) throw new FormatProblem(`<key>${frame.key}</key> has no value`)
    frame.key = key
  }

  private add(value: PlistValue): void {
    const frame = this.frames.at(-1)
    if (frame?.kind === 'array') frame.items.push(value)
    else if (frame?.kind === 'dict') {
      if (frame.key === null) throw new FormatProblem('a <dict> value has no <key>')
      frame.dict.set(frame.key, value)
      frame.key = null
    } else if (frame?.kind === 'plist' && frame.value === undefined) frame.value = value
    else throw new FormatProblem('the <plist> holds more than one value')
  }
}

/** Reads an XML property list into plain values (dates and data stay text). */
export function readPlist(text: string): PlistValue | undefined {
  const builder = new PlistBuilder()
  readXml(text, builder)
  return builder.root
}
