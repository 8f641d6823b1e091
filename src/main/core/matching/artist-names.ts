import { normalizeText } from '../text'
// "A & B", "A, B", "A feat. B" name several artists. A slash does not: "AC/DC" is one band.
const SEPARATORS = /\s*(?:,|;|，|、|&|\s(?:feat\.?|ft\.?|featuring|vs\.?|with)\s)\s*/iu

/** Every artist named, split on the usual separators, normalised and without repeats. */
export function artistNames(artists: readonly string[], extra: readonly string[] = []): string[] {
  const names = artists
    .flatMap((artist) => artist.normalize('NFKC').split(SEPARATORS))
    .map(normalizeText)
    .concat(extra)
    .filter(Boolean)
  return [...new Set(names)]
}
