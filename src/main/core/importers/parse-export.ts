import { extname } from 'node:path'
import { readCsvHeader, readCsvTable } from './csv-table'
import { decodeText } from './decode-text'
import { csvFormatOf, jsonFormatOf, sniffContainer, xmlFormatOf } from './detect-format'
import { FormatProblem } from './errors'
import { parseExportifyCsv } from './exportify-csv'
import { parseItunesXml } from './itunes-xml'
import { isRecord, parseJsonDocument } from './json-document'
import { parseJspf } from './jspf'
import { parseM3u } from './m3u'
import { parseNeteaseJson } from './netease-json'
import { parseQqJson } from './qq-json'
import { parseTuneMyMusicCsv } from './tunemymusic-csv'
import type { ExportFormat, ParsedBody } from './types'
import { xmlRootOf } from './xml-reader'
import { parseXspf } from './xspf'

/** Exports are a few MB at most; a cap keeps a wrong drop from eating the memory. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024

export interface ParsedContent extends ParsedBody {
  format: ExportFormat
}

function parseXmlExport(text: string): ParsedContent {
  const format = xmlFormatOf(xmlRootOf(text))
  return { format, ...(format === 'xspf' ? parseXspf(text) : parseItunesXml(text)) }
}

function parseJsonExport(text: string): ParsedContent {
  const document = parseJsonDocument(text)
  if (!isRecord(document)) {
    throw new FormatProblem('JSON is not a playlist in any supported format')
  }
  const format = jsonFormatOf(document)
  const parse =
    format === 'jspf' ? parseJspf : format === 'netease_json' ? parseNeteaseJson : parseQqJson
  return { format, ...parse(document) }
}

function parseCsvExport(text: string): ParsedContent {
  const format = csvFormatOf(readCsvHeader(text))
  const parse = format === 'exportify_csv' ? parseExportifyCsv : parseTuneMyMusicCsv
  return { format, ...parse(readCsvTable(text)) }
}

/** Decodes, recognises and parses one export; every problem is a FormatProblem. */
export function parseExportContent(file: string, bytes: Uint8Array): ParsedContent {
  if (bytes.length > MAX_EXPORT_BYTES) {
    throw new FormatProblem(`file is larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB`)
  }
  const extension = extname(file).toLowerCase()
  const text = decodeText(bytes, { legacyFallback: extension === '.m3u' })
  switch (sniffContainer(text, extension)) {
    case 'xml':
      return parseXmlExport(text)
    case 'json':
      return parseJsonExport(text)
    case 'csv':
      return parseCsvExport(text)
    case 'm3u':
      return { format: extension === '.m3u8' ? 'm3u8' : 'm3u', ...parseM3u(text) }
  }
}
