import { SaxesParser } from 'saxes'
import type { SaxesTagNS } from 'saxes'
import { FormatProblem } from './errors'

export interface XmlHandler {
  open(tag: SaxesTagNS): void
  close(tag: SaxesTagNS): void
  /** Character data, CDATA included, already entity-decoded. */
  text(text: string): void
}

export interface XmlRoot {
  local: string
  uri: string
}

const SAXES_POSITION = /^(\d+):\d+: /
const ROOT_SNIFF_CHUNK = 4096

/**
 * saxes never fetches a DTD and expands no entity beyond the five predefined ones and
 * character references; a DOCTYPE that declares entities is refused outright, so an
 * entity bomb or an external entity is an error rather than silently left unexpanded.
 */
function createParser(): SaxesParser<{ xmlns: true; position: true }> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new FormatProblem('the DOCTYPE declares entities, which are refused', {
        line: parser.line,
      })
    }
  })
  return parser
}

/** saxes errors and handler problems alike get the line the parser had reached. */
function asProblem(error: unknown, parserLine: number): unknown {
  if (error instanceof FormatProblem) {
    if (error.line !== undefined) return error
    const field = error.field === undefined ? {} : { field: error.field }
    return new FormatProblem(error.message, { line: parserLine, ...field })
  }
  if (!(error instanceof Error)) return error
  const line = Number(SAXES_POSITION.exec(error.message)?.[1] ?? parserLine)
  const message = error.message.replace(SAXES_POSITION, '').replace(/\.$/, '')
  return new FormatProblem(`malformed XML: ${message}`, { line })
}

/** Streams a whole XML document through `handler`; malformed XML is a FormatProblem. */
export function readXml(text: string, handler: XmlHandler): void {
  const parser = createParser()
  parser.on('opentag', (tag) => handler.open(tag))
  parser.on('closetag', (tag) => handler.close(tag))
  parser.on('text', (text) => handler.text(text))
  parser.on('cdata', (text) => handler.text(text))
  try {
    parser.write(text).close()
  } catch (error) {
    throw asProblem(error, parser.line)
  }
}

/** The root element, read from the start of the document only. */
export function xmlRootOf(text: string): XmlRoot {
  const parser = createParser()
  const found: { root?: XmlRoot } = {}
  parser.on('opentag', (tag) => {
    found.root ??= { local: tag.local, uri: tag.uri }
  })
  try {
    for (let at = 0; at < text.length && !found.root; at += ROOT_SNIFF_CHUNK) {
      parser.write(text.slice(at, at + ROOT_SNIFF_CHUNK))
    }
    if (!found.root) parser.close()
  } catch (error) {
    throw asProblem(error, parser.line)
  }
  if (!found.root) throw new FormatProblem('malformed XML: no root element')
  return found.root
}
