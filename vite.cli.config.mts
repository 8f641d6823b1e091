import { builtinModules } from 'node:module'
import { defineConfig } from 'vite'
import { readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: object }
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
]

// The CLI is a plain Node program (no Electron): one CommonJS file with a shebang.
export default defineConfig({
  build: {
    ssr: 'src/main/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      external,
      output: { format: 'cjs', entryFileNames: 'catalogsync.js', banner: '#!/usr/bin/env node' },
    },
  },
})
