/**
 * Every audio container the library accepts, with the file extensions it goes by. The transfer
 * checks and the local-folder scanner both read this list, so what a scan indexes is what a
 * copy accepts. `mp3` is any MPEG audio frame stream; `ogg` covers Vorbis, Opus, FLAC and Speex;
 * `m4a` is MP4 audio; `webm` and `mka` are Matroska with audio tracks only.
 */
export const AUDIO_FORMAT_EXTENSIONS = {
  mp3: ['mp3'],
  aac: ['aac'],
  flac: ['flac'],
  ogg: ['ogg', 'oga', 'opus', 'spx'],
  m4a: ['m4a', 'm4b', 'mp4'],
  webm: ['webm'],
  mka: ['mka'],
  wav: ['wav'],
  aiff: ['aif', 'aiff', 'aifc'],
  wma: ['wma'],
  ape: ['ape'],
  wv: ['wv'],
  mpc: ['mpc'],
  dsf: ['dsf'],
  dff: ['dff'],
} as const satisfies Record<string, readonly string[]>

export type AudioFormat = keyof typeof AUDIO_FORMAT_EXTENSIONS

export const AUDIO_FORMATS = Object.keys(AUDIO_FORMAT_EXTENSIONS) as AudioFormat[]

/** Lower-case extensions without the dot. */
export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set(
  Object.values(AUDIO_FORMAT_EXTENSIONS).flat(),
)
