import { readFileSync } from 'node:fs'

export interface DynamicSymbol {
  name: string
  /** Defined in this file (exported), as opposed to one it needs from the process. */
  defined: boolean
}

const SHT_DYNSYM = 11
const SHN_UNDEF = 0

/**
 * The dynamic symbol table of a 64-bit little-endian ELF shared object (what `nm -D` lists),
 * read from the section headers: enough to tell what a native addon exports and needs.
 */
export function dynamicSymbols(path: string): DynamicSymbol[] {
  const file = readFileSync(path)
  if (file.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${path} is not an ELF file`)
  if (file[4] !== 2 || file[5] !== 1) throw new Error(`${path} is not 64-bit little-endian ELF`)
  const sectionOffset = Number(file.readBigUInt64LE(0x28))
  const sectionSize = file.readUInt16LE(0x3a)
  const sectionCount = file.readUInt16LE(0x3c)
  const section = (index: number) => {
    const at = sectionOffset + index * sectionSize
    return {
      type: file.readUInt32LE(at + 4),
      offset: Number(file.readBigUInt64LE(at + 0x18)),
      size: Number(file.readBigUInt64LE(at + 0x20)),
      link: file.readUInt32LE(at + 0x28),
      entrySize: Number(file.readBigUInt64LE(at + 0x38)),
    }
  }
  for (let i = 0; i < sectionCount; i++) {
    const table = section(i)
    if (table.type !== SHT_DYNSYM) continue
    const strings = section(table.link)
    const symbols: DynamicSymbol[] = []
    for (let at = table.offset; at < table.offset + table.size; at += table.entrySize) {
      const nameAt = strings.offset + file.readUInt32LE(at)
      const name = file.toString('latin1', nameAt, file.indexOf(0, nameAt))
      if (name) symbols.push({ name, defined: file.readUInt16LE(at + 6) !== SHN_UNDEF })
    }
    return symbols
  }
  throw new Error(`${path} has no dynamic symbol table`)
}
