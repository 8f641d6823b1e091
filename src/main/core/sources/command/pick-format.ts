import { z } from 'zod'

/** The fields of one yt-dlp format (an entry of `formats` or `requested_formats`) we read. */
export const formatSchema = z.object({
  format_id: z.string().nullish(),
  url: z.string().nullish(),
  protocol: z.string().nullish(),
  ext: z.string().nullish(),
  acodec: z.string().nullish(),
  vcodec: z.string().nullish(),
  abr: z.number().nullish(),
  tbr: z.number().nullish(),
  filesize: z.number().nullish(),
  http_headers: z.record(z.string(), z.string()).optional().catch(undefined),
  cookies: z.string().nullish(),
})
export type Format = z.infer<typeof formatSchema>

const HTTP_URL = /^https?:\/\//i
const HTTP_PROTOCOL = /^https?$/i
const MANIFEST_EXT = /^(m3u8|mpd|f4m|ism)$/i

/** A format the transfer engine can fetch in one plain request: http(s), not a manifest. */
function isHttpFile(format: Format): format is Format & { url: string } {
  if (!format.url || !HTTP_URL.test(format.url) || !URL.canParse(format.url)) return false
  if (format.protocol) return HTTP_PROTOCOL.test(format.protocol)
  return !MANIFEST_EXT.test(format.ext ?? '')
}

/**
 * Carries no video stream. yt-dlp writes "none" for an absent stream; a codec it does not
 * know is left out (the generic extractor on a bare file URL), and such a format counts as
 * audio, since the transfer engine checks the bytes anyway.
 */
function isAudioOnly(format: Format): boolean {
  return (format.vcodec ?? 'none') === 'none' && format.acodec !== 'none'
}

/**
 * The best audio-only http(s) format among those offered: highest abr (tbr when abr is
 * missing), and on a tie the later one, as yt-dlp lists formats from worst to best. A combined
 * audio+video stream is never taken: the library holds audio files, and such a stream is a
 * video many times the size; with no audio-only format the entry is left for another source.
 */
export function pickAudioFormat(formats: readonly Format[]): (Format & { url: string }) | null {
  let best: (Format & { url: string }) | null = null
  for (const format of formats) {
    if (!isHttpFile(format) || !isAudioOnly(format)) continue
    if (best === null || bitrateOf(format) >= bitrateOf(best)) best = format
  }
  return best
}

function bitrateOf(format: Format): number {
  return format.abr ?? format.tbr ?? 0
}

/**
 * The format yt-dlp chose, then what it offered. The top-level fields are the chosen format's
 * when one format was selected; a merged selection ("248+251") has no top-level url and lists
 * its parts in `requested_formats`; `formats` has every format the site offers.
 */
export function chooseFormat(
  selected: Format,
  requested: readonly Format[],
  offered: readonly Format[],
): (Format & { url: string }) | null {
  return pickAudioFormat([selected]) ?? pickAudioFormat(requested) ?? pickAudioFormat(offered)
}
