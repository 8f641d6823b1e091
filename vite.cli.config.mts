import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: object }
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
]

// The CLI is a plain Node program (no Electron): CommonJS, an entry with a shebang that checks
// the Node version, and the program itself in a chunk it imports once the version is right.
export default defineConfig({
  build: {
    ssr: 'src/main/cli/bin.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node24',
    minify: false,
    rollupOptions: {
      external,
      output: {
        format: 'cjs',
        entryFileNames: 'catalogsync.js',
        chunkFileNames: 'catalogsync-[name].js',
        banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
      },
    },
  },
})
