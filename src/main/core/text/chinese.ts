import { Converter } from 'opencc-js/t2cn'

type Fold = (text: string) => string

// Only the traditional -> simplified half of OpenCC: its dictionary text is ~110 KB, and
// building the lookup trie from it takes ~90 ms, so that is done once, on the first Han text.
let toSimplified: Fold | null = null
const HAN = /\p{Script=Han}/u

/**
 * Traditional Chinese written as simplified (周杰倫 -> 周杰伦, 愛情 -> 爱情), so the two forms of
 * a name compare equal. Text without Han characters comes back untouched and costs nothing.
 * Kanji in Japanese titles are folded too; that is harmless, as both sides of any comparison
 * are folded alike.
 */
export function foldChinese(text: string): string {
  if (!HAN.test(text)) return text
  toSimplified ??= Converter({ from: 't', to: 'cn' })
  return toSimplified(text)
}
