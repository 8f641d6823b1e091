// Only the Latin/Greek/Cyrillic combining marks: stripping every \p{Mn} would also
// strip kana voicing marks and turn が into か.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]+/gu
const WHITESPACE = /\s+/gu

/** Folds width, case, Latin diacritics, punctuation and spacing, for comparing names. */
export function normalizeText(value: string): string {
  const folded = value
    .normalize('NFKD')
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFC')
    .toLowerCase()
  const words = folded.replace(PUNCTUATION_OR_SYMBOL, ' ').replace(WHITESPACE, ' ').trim()
  // A title made only of punctuation ("?", "...") keeps it rather than becoming empty.
  return words || folded.replace(WHITESPACE, ' ').trim()
}

/** Artists compared as a set: order and case do not make a different song. */
export function normalizeArtists(artists: readonly string[]): string[] {
  return [...new Set(artists.map(normalizeText).filter(Boolean))].sort()
}
