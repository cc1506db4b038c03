import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    env: { NO_COLOR: '1', LANG: 'C', LC_ALL: 'C' },
    clearMocks: true,
    restoreMocks: true,
    testTimeout: 30_000,
  },
})
