/// <reference lib="dom" />
/**
 * The HTML report in a real browser: Debian's Chromium (installed by .ci/run when missing) driven by
 * playwright-core. Every section and chart must render with a size, the page must not log errors nor
 * fetch anything, and a screenshot is kept in test-artifacts/ for a look by hand.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, makeTempDir, removeTempDir, runCli } from '../support/run-cli.js'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts')
const SECTIONS = [
  'alerts',
  'kpis',
  'forecast',
  'pipeline',
  'funnel',
  'reps',
  'territories',
  'renewals',
  'quality',
]

describe('report --format html in Chromium', () => {
  let dir: string
  let browser: Browser
  let file: string

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`,
      )
    dir = makeTempDir()
    file = join(dir, 'weekly.html')
    const run = runCli(['report', '--demo', '--format', 'html', '-o', file])
    if (run.exitCode !== 0) throw new Error(`report --format html failed: ${run.stderr}`)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  }, 60_000)

  afterAll(async () => {
    await browser.close()
    removeTempDir(dir)
  })

  it('renders every section and chart with a size, without errors or network requests', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } })
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('request', (r) => requests.push(r.url()))
    const url = pathToFileURL(file).href
    await page.goto(url, { waitUntil: 'load' })

    for (const id of SECTIONS) {
      const box = await page.locator(`section#${id}`).boundingBox()
      expect(box, `section #${id}`).not.toBeNull()
      expect(box?.height ?? 0, `section #${id} height`).toBeGreaterThan(40)
    }
    // one chart each: bookings trend, forecast fan, waterfall, funnel, attainment bars, territory balance
    const kinds = await page
      .locator('figure.chart')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')))
    expect(kinds).toEqual(['bars', 'fan', 'waterfall', 'funnel', 'hbars', 'diverging'])
    const svgs = page.locator('figure.chart svg')
    for (let i = 0; i < (await svgs.count()); i++) {
      const svg = svgs.nth(i)
      const box = await svg.boundingBox()
      expect(box?.width ?? 0, `chart ${String(i)} width`).toBeGreaterThan(200)
      expect(box?.height ?? 0, `chart ${String(i)} height`).toBeGreaterThan(80)
      // drawn marks with an area: bars, bands, lines
      const marks = await svg.evaluate(
        (el: SVGElement) =>
          Array.from(el.querySelectorAll('rect, path, polygon, line, polyline, circle')).filter(
            (m: Element) => {
              const r: DOMRect = m.getBoundingClientRect()
              return r.width > 0 || r.height > 0
            },
          ).length,
      )
      expect(marks, `chart ${String(i)} marks`).toBeGreaterThan(3)
    }
    expect(await page.locator('script').count()).toBe(0)
    expect(problems).toEqual([])
    expect(requests).toEqual([url])

    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true })
    await page.close()
  }, 60_000)
})
