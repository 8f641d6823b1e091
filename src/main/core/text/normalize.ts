import { foldChinese } from './chinese'

// Only the Latin/Greek/Cyrillic combining marks: stripping every \p{Mn} would also
// strip kana voicing marks and turn が into か.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g
// Control characters (a stray NUL or line break in a tag) separate words like punctuation.
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}\p{Cc}]+/gu
const WHITESPACE = /\s+/gu
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]+/g

/**
 * Folds width, case, Latin diacritics, punctuation, spacing and traditional Chinese (to
 * simplified), for comparing names.
 */
export function normalizeText(value: string): string {
  // Most names are plain ASCII, for which Unicode normalisation changes nothing.
  const ascii = PRINTABLE_ASCII.test(value)
  const folded = (
    ascii
      ? value
      : foldChinese(value.normalize('NFKD').replace(COMBINING_DIACRITICS, '').normalize('NFC'))
  ).toLowerCase()
  const words = folded
    .replace(ascii ? ASCII_PUNCTUATION : PUNCTUATION_OR_SYMBOL, ' ')
    .replace(WHITESPACE, ' ')
    .trim()
  // A title made only of punctuation ("?", "...") keeps it rather than becoming empty.
  return words || folded.replace(WHITESPACE, ' ').trim()
}

/** Artists compared as a set: order and case do not make a different song. */
export function normalizeArtists(artists: readonly string[]): string[] {
  return [...new Set(artists.map(normalizeText).filter(Boolean))].sort()
}
