import { normalizeText } from '../text'
/**
 * Words that mark another recording of a song than the studio one, by kind, as they read after
 * `normalizeText` (lower case, punctuation as spaces, traditional Chinese already simplified, so
 * 現場 is found as 现场). Latin words are matched on word boundaries ("live" is not in
 * "alive"); CJK, kana and hangul words, written without spaces, anywhere in the text.
 */
export const VERSION_WORDS = {
  live: [
    'live',
    'in concert',
    'concert',
    'fancam',
    'the first take',
    'live session',
    '现场',
    '演唱会',
    'ライブ',
    '라이브',
    '직캠',
  ],
  remix: ['remix', 'rmx', 'bootleg', 'mashup', 'リミックス', '리믹스', '混音'],
  cover: ['cover', 'covers', 'covered by', '翻唱', '翻自', 'カバー', '歌ってみた', '커버'],
  karaoke: ['karaoke', 'カラオケ', '卡拉ok', 'ktv', '노래방'],
  instrumental: ['instrumental', 'inst', 'off vocal', '伴奏', '纯音乐', 'インスト', '반주'],
  acoustic: ['acoustic', 'unplugged', '不插电', 'アコースティック', '어쿠스틱'],
  spedUp: ['sped up', 'speed up', 'nightcore', '加速版', '加速'],
  slowed: ['slowed', 'reverb', '降速', '慢速版'],
  spatial: ['8d', '8d audio', '16d'],
  loop: [
    '1 hour',
    '1hour',
    'one hour',
    '10 hours',
    'hour loop',
    '1小时',
    '一小时',
    '循环',
    '1時間',
    '耐久',
  ],
  piano: ['piano', '钢琴', 'ピアノ', '피아노', '弾いてみた'],
  guitar: ['guitar', '吉他', 'ギター'],
  rerecording: ['taylor s version', 're recorded', 'rerecorded', 're recording'],
  other: ['demo', 'reprise', 'orchestral', 'lofi', 'lo fi', 'medley', 'bass boosted'],
} as const

export type VersionKind = keyof typeof VERSION_WORDS

/**
 * Words that leave the recording as it was: a remaster, an edit for radio or a clean version
 * is the song the export meant, so they neither count against a candidate nor belong to its
 * title. `version` and `edit` alone are here so "(Single Version)" and "- Radio Edit" fold away.
 */
export const SAME_RECORDING_WORDS = [
  'remaster',
  'remastered',
  'radio edit',
  'edit',
  'original mix',
  'single version',
  'album version',
  'version',
  'explicit',
  'clean',
  'mono',
  'stereo',
]

/**
 * Words a video site adds around a song that say nothing about the recording ("Official
 * Video", "MV", "歌词"), dropped before titles are compared.
 */
export const PACKAGING_WORDS = [
  'official music video',
  'official video',
  'official audio',
  'official lyric video',
  'official mv',
  'official',
  'music video',
  'lyric video',
  'lyrics',
  'lyric',
  'video',
  'audio',
  'visualizer',
  'mv',
  'm v',
  'pv',
  'hd',
  'hq',
  '4k',
  'topic',
  '官方',
  '歌词',
  '动态歌词',
  '高音质',
  '完整版',
  '公式',
  '뮤직비디오',
]

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

// Patterns are built once per word: the scorer asks for the same names and words per result.
// Only `u` (for test) and `gu` (for replace, which resets lastIndex) are used, so reuse is safe.
// Artist names pass through too, so the cache is emptied when it grows past a long sync's worth.
const patterns = new Map<string, RegExp>()
const PATTERN_CACHE_LIMIT = 10_000

/** A pattern for one word of normalised text: on word boundaries unless it is CJK. */
export function wordPattern(word: string, flags: 'u' | 'gu' = 'u'): RegExp {
  const key = `${flags}:${word}`
  const cached = patterns.get(key)
  if (cached) return cached
  const escaped = escapeRegExp(word)
  const pattern = CJK.test(word)
    ? new RegExp(escaped, flags)
    : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, flags)
  if (patterns.size >= PATTERN_CACHE_LIMIT) patterns.clear()
  patterns.set(key, pattern)
  return pattern
}

const KIND_PATTERNS = Object.entries(VERSION_WORDS).map(
  ([kind, words]) => [kind as VersionKind, words.map((word) => wordPattern(word))] as const,
)

/** The kinds of other recording that normalised `text` names. */
export function versionKinds(text: string): Set<VersionKind> {
  const kinds = new Set<VersionKind>()
  for (const [kind, patterns] of KIND_PATTERNS) {
    if (patterns.some((pattern) => pattern.test(text))) kinds.add(kind)
  }
  return kinds
}

const SAME_RECORDING_PATTERNS = SAME_RECORDING_WORDS.map((word) => wordPattern(word))

/** Whether normalised `text` names a remaster, an edit or another same-recording tag. */
export function namesSameRecording(text: string): boolean {
  return SAME_RECORDING_PATTERNS.some((pattern) => pattern.test(text))
}

// Longest first, so "official music video" goes before "official" and "video".
const NOISE = [...SAME_RECORDING_WORDS, ...PACKAGING_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((word) => wordPattern(word, 'gu'))

/** Normalised `text` without its packaging and same-recording words. */
export function withoutNoise(text: string): string {
  return NOISE.reduce((rest, pattern) => rest.replace(pattern, ' '), normalizeText(text))
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Normalised `text` with every occurrence of each of the normalised `words` taken out. */
export function without(text: string, words: readonly string[]): string {
  return words
    .filter(Boolean)
    .reduce((rest, word) => rest.replace(wordPattern(word, 'gu'), ' '), text)
    .replace(/\s+/gu, ' ')
    .trim()
}
