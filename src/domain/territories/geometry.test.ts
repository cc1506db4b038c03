import { describe, expect, it } from 'vitest'
import { haversineKm, projectPoints, weightedCentre } from './geometry.js'

describe('haversineKm', () => {
  it('measures one degree along a meridian as 111.1951 km', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(111.1951, 4)
  })
  it('measures one degree of longitude at 60°N a little under half a degree at the equator (the great circle beats the parallel)', () => {
    expect(haversineKm(60, 0, 60, 1)).toBeCloseTo(55.597, 3)
  })
  it('is zero for the same place', () => {
    expect(haversineKm(48.1, 11.5, 48.1, 11.5)).toBe(0)
  })
})

describe('weightedCentre', () => {
  it('weights latitude and longitude by the weights', () => {
    expect(
      weightedCentre(
        [
          { lat: 0, lon: 0 },
          { lat: 0, lon: 3 },
        ],
        [2, 1],
      ),
    ).toEqual({ lat: 0, lon: 1 })
  })
  it('falls back to the plain mean when every weight is zero', () => {
    expect(
      weightedCentre(
        [
          { lat: 2, lon: 0 },
          { lat: 4, lon: 0 },
        ],
        [0, 0],
      ),
    ).toEqual({ lat: 3, lon: 0 })
  })
  it('has no centre for no points', () => {
    expect(weightedCentre([], [])).toBeNull()
  })
})

describe('projectPoints', () => {
  it('maps one degree of latitude to 111.1951 km north', () => {
    const [a, b] = projectPoints([
      { lat: 0, lon: 0 },
      { lat: 1, lon: 0 },
    ])
    expect((b?.y ?? 0) - (a?.y ?? 0)).toBeCloseTo(111.1951, 4)
  })
})
