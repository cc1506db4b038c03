/** Distances and centres on the globe for territory metrics and the balancing model. */

const EARTH_RADIUS_KM = 6371.0088
const RAD = Math.PI / 180

/**
 * Great-circle distance in km (haversine, mean Earth radius 6,371.0088 km).
 * @example haversineKm(0, 0, 0, 1) //=> 111.19…
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD
  const dLon = (lon2 - lon1) * RAD
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)))
}

/** A point in km on an equirectangular projection (x east, y north). */
export interface PlanePoint {
  readonly x: number
  readonly y: number
}

/**
 * Equirectangular projection at the mean latitude of the points: x = R·λ·cos φ̄, y = R·φ (km).
 * Good for a country or region; the balancing model measures compactness on it.
 */
export function projectPoints(points: readonly { lat: number; lon: number }[]): PlanePoint[] {
  if (points.length === 0) return []
  let latSum = 0
  for (const p of points) latSum += p.lat
  const k = Math.cos((latSum / points.length) * RAD)
  return points.map((p) => ({ x: EARTH_RADIUS_KM * p.lon * RAD * k, y: EARTH_RADIUS_KM * p.lat * RAD }))
}

/**
 * Weighted centre: the weighted mean of latitude and of longitude (all weights 0 → plain mean).
 * @example weightedCentre([{ lat: 0, lon: 0 }, { lat: 0, lon: 3 }], [2, 1]) //=> { lat: 0, lon: 1 }
 */
export function weightedCentre(
  points: readonly { lat: number; lon: number }[],
  weights: readonly number[],
): { lat: number; lon: number } | null {
  if (points.length === 0) return null
  let w = 0
  for (let i = 0; i < points.length; i++) w += weights[i] ?? 0
  let lat = 0
  let lon = 0
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as { lat: number; lon: number }
    const wi = w > 0 ? (weights[i] ?? 0) / w : 1 / points.length
    lat += wi * p.lat
    lon += wi * p.lon
  }
  return { lat, lon }
}
