/* global URL */
// Shared by the territories benches (not a bench itself): the seeded instance generator of
// ../shared/reference/territories.md §6 and a plain k-means baseline. Run `npm run build` first.
//
// Generator: a 1,000 × 1,000 km plane (× `scale` for larger instances), 75% of accounts in 25 cities
// (× scale²), potential ~ lognormal(σ = 1) (median $10,000), workload = 8 + 6·√potential·lognormal(0.3)
// hours; plane km → lat/lon around 45°N 10°E.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
export const dist = (p) => join(root, 'dist', ...p.split('/'))
const { createRandom } = await import(dist('domain/shared/random.js'))
export { createRandom }

export function generate(n, rngSeed, { size = 1000, cities: cityCount = 25 } = {}) {
  const r = createRandom(rngSeed)
  const cities = Array.from({ length: cityCount }, () => ({
    x: r.next() * size,
    y: r.next() * size,
    s: 10 + r.next() * 30,
  }))
  const out = []
  for (let i = 0; i < n; i++) {
    let x
    let y
    if (r.next() < 0.75) {
      const c = r.pick(cities)
      x = c.x + r.normal() * c.s
      y = c.y + r.normal() * c.s
    } else {
      x = r.next() * size
      y = r.next() * size
    }
    const potential = Math.round(Math.exp(r.normal()) * 1_000_000) // cents, median $10,000
    const workload = Math.round(8 + 6 * Math.sqrt(potential / 100_000) * Math.exp(0.3 * r.normal()))
    out.push({
      id: `A${String(i + 1).padStart(6, '0')}`,
      lat: 45 + y / 111.195,
      lon: 10 + x / (111.195 * Math.cos((45 * Math.PI) / 180)),
      potential,
      workload,
      territory: undefined,
      locked: false,
    })
  }
  return out
}

/** plain k-means (Lloyd, k-means++ seeding, best of `restarts` by inertia) on the same plane */
export function kmeans(accounts, k, rngSeed, restarts = 5) {
  const r = createRandom(rngSeed)
  const n = accounts.length
  const px = Float64Array.from(accounts, (a) => a.lon * 111.195 * Math.cos((45 * Math.PI) / 180))
  const py = Float64Array.from(accounts, (a) => a.lat * 111.195)
  let best
  for (let restart = 0; restart < restarts; restart++) {
    const first = Math.floor(r.next() * n)
    const cx = [px[first]]
    const cy = [py[first]]
    const d = new Float64Array(n).fill(Infinity)
    while (cx.length < k) {
      const qx = cx[cx.length - 1]
      const qy = cy[cy.length - 1]
      let total = 0
      for (let i = 0; i < n; i++) {
        d[i] = Math.min(d[i], (px[i] - qx) ** 2 + (py[i] - qy) ** 2)
        total += d[i]
      }
      let t = r.next() * total
      let pick = n - 1
      for (let i = 0; i < n; i++)
        if ((t -= d[i]) < 0) {
          pick = i
          break
        }
      cx.push(px[pick])
      cy.push(py[pick])
    }
    const asg = new Int32Array(n)
    for (let it = 0; it < 100; it++) {
      let changed = false
      for (let i = 0; i < n; i++) {
        let bj = 0
        let bd = Infinity
        for (let j = 0; j < k; j++) {
          const dd = (px[i] - cx[j]) ** 2 + (py[i] - cy[j]) ** 2
          if (dd < bd) {
            bd = dd
            bj = j
          }
        }
        if (asg[i] !== bj) {
          asg[i] = bj
          changed = true
        }
      }
      const sx = new Float64Array(k)
      const sy = new Float64Array(k)
      const sn = new Float64Array(k)
      for (let i = 0; i < n; i++) {
        sx[asg[i]] += px[i]
        sy[asg[i]] += py[i]
        sn[asg[i]]++
      }
      for (let j = 0; j < k; j++)
        if (sn[j] > 0) {
          cx[j] = sx[j] / sn[j]
          cy[j] = sy[j] / sn[j]
        }
      if (!changed) break
    }
    let inertia = 0
    for (let i = 0; i < n; i++) inertia += (px[i] - cx[asg[i]]) ** 2 + (py[i] - cy[asg[i]]) ** 2
    if (best === undefined || inertia < best.inertia) best = { inertia, asg: Int32Array.from(asg) }
  }
  return Array.from(best.asg, (j) => `K${String(j + 1).padStart(2, '0')}`)
}
