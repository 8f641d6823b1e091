import type { Bridge } from '../bridge'
import type { DropOutcome, ImportSummary, ImportUpload } from '../../../shared/contract'

/** The service refuses larger uploads; saying so before reading the file is kinder. */
export const MAX_EXPORT_BYTES = 64 * 1024 * 1024

export type ImportStep = 'preview' | 'apply'

/** Base64 of some bytes, in chunks so a large export does not overflow the argument list. */
export function toBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

export async function toUpload(file: File): Promise<ImportUpload> {
  return { fileName: file.name, contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())) }
}

/** The service's message, prefixed with the file's name when it does not already say it. */
export const naming = (fileName: string, message: string): string =>
  message.includes(fileName) ? message : `${fileName}: ${message}`

/** Uploads each file to `import:preview` or `import:apply`; one message per refused file. */
async function uploadEach(bridge: Bridge, step: ImportStep, files: readonly File[]) {
  const outcome: DropOutcome = { accepted: [], problems: [] }
  for (const file of files) {
    if (file.size > MAX_EXPORT_BYTES) {
      outcome.problems.push(`${file.name}: is larger than 64 MB, too big for a playlist export`)
      continue
    }
    const upload = await toUpload(file)
    const result = await bridge.invoke(
      step === 'preview' ? 'import:preview' : 'import:apply',
      upload,
    )
    if (result.ok) outcome.accepted.push(result.value)
    else outcome.problems.push(naming(file.name, result.error))
  }
  return outcome
}

/**
 * Previews or imports files: in Electron by their paths (the preload knows them), in a browser
 * by uploading their contents. Either way every refused file gets a message naming it.
 */
export async function importFiles(
  bridge: Bridge,
  step: ImportStep,
  files: readonly File[],
): Promise<DropOutcome> {
  if (!bridge.dropFiles) return uploadEach(bridge, step, files)
  const result = await bridge.dropFiles(step === 'preview' ? 'drop:preview' : 'drop:apply', files)
  return result.ok ? result.value : { accepted: [], problems: [result.error] }
}

/** Every playlist of every accepted file, for the preview and the summary. */
export const playlistsOf = (summaries: readonly ImportSummary[]) =>
  summaries.flatMap((summary) =>
    summary.playlists.map((playlist) => ({ file: summary.file, playlist })),
  )
