/** Sales regions of the demo company and real city coordinates that accounts and reps cluster around. */
export const REGIONS = ['NA East', 'NA West', 'EMEA', 'APAC'] as const
export type Region = (typeof REGIONS)[number]

/** Share of accounts per region. */
export const REGION_WEIGHTS: Readonly<Record<Region, number>> = {
  'NA East': 30,
  'NA West': 25,
  EMEA: 28,
  APAC: 17,
}

export interface City {
  readonly city: string
  readonly state: string
  readonly country: string
  readonly region: Region
  readonly lat: number
  readonly lon: number
  /** a real postal code of the centre; numeric ones vary in their last digits */
  readonly postalCode: string
  /** relative number of accounts */
  readonly weight: number
  /** company legal-form suffixes used there */
  readonly legalForms: readonly string[]
}

const US = ['Inc.', 'LLC', 'Corp.', 'Inc.']
const CA = ['Inc.', 'Ltd.']
const UK = ['Ltd', 'plc', 'Ltd']
const DE = ['GmbH', 'AG', 'GmbH']
const FR = ['SA', 'SAS']
const AU = ['Pty Ltd']

function city(
  name: string,
  state: string,
  country: string,
  region: Region,
  lat: number,
  lon: number,
  postalCode: string,
  weight: number,
  legalForms: readonly string[],
): City {
  return { city: name, state, country, region, lat, lon, postalCode, weight, legalForms }
}

export const CITIES: readonly City[] = [
  city('New York', 'NY', 'United States', 'NA East', 40.7128, -74.006, '10001', 10, US),
  city('Boston', 'MA', 'United States', 'NA East', 42.3601, -71.0589, '02110', 6, US),
  city('Philadelphia', 'PA', 'United States', 'NA East', 39.9526, -75.1652, '19103', 4, US),
  city('Atlanta', 'GA', 'United States', 'NA East', 33.749, -84.388, '30303', 4, US),
  city('Miami', 'FL', 'United States', 'NA East', 25.7617, -80.1918, '33131', 3, US),
  city('Chicago', 'IL', 'United States', 'NA East', 41.8781, -87.6298, '60601', 6, US),
  city('Washington', 'DC', 'United States', 'NA East', 38.9072, -77.0369, '20001', 3, US),
  city('Charlotte', 'NC', 'United States', 'NA East', 35.2271, -80.8431, '28202', 2, US),
  city('Newark', 'NJ', 'United States', 'NA East', 40.7357, -74.1724, '07102', 2, US),
  city('Hartford', 'CT', 'United States', 'NA East', 41.7658, -72.6734, '06103', 1, US),
  city('Portland', 'ME', 'United States', 'NA East', 43.6591, -70.2568, '04101', 1, US),
  city('Toronto', 'ON', 'Canada', 'NA East', 43.6532, -79.3832, 'M5H 2N2', 4, CA),
  city('San Francisco', 'CA', 'United States', 'NA West', 37.7749, -122.4194, '94105', 8, US),
  city('Los Angeles', 'CA', 'United States', 'NA West', 34.0522, -118.2437, '90012', 6, US),
  city('Seattle', 'WA', 'United States', 'NA West', 47.6062, -122.3321, '98101', 5, US),
  city('San Diego', 'CA', 'United States', 'NA West', 32.7157, -117.1611, '92101', 2, US),
  city('Denver', 'CO', 'United States', 'NA West', 39.7392, -104.9903, '80202', 3, US),
  city('Austin', 'TX', 'United States', 'NA West', 30.2672, -97.7431, '78701', 4, US),
  city('Dallas', 'TX', 'United States', 'NA West', 32.7767, -96.797, '75201', 4, US),
  city('Phoenix', 'AZ', 'United States', 'NA West', 33.4484, -112.074, '85004', 2, US),
  city('Portland', 'OR', 'United States', 'NA West', 45.5152, -122.6784, '97204', 2, US),
  city('Salt Lake City', 'UT', 'United States', 'NA West', 40.7608, -111.891, '84101', 1, US),
  city('Vancouver', 'BC', 'Canada', 'NA West', 49.2827, -123.1207, 'V6B 1A1', 2, CA),
  city('London', 'England', 'United Kingdom', 'EMEA', 51.5074, -0.1278, 'EC2A 4NE', 9, UK),
  city('Manchester', 'England', 'United Kingdom', 'EMEA', 53.4808, -2.2426, 'M1 1AE', 2, UK),
  city('Berlin', 'Berlin', 'Germany', 'EMEA', 52.52, 13.405, '10115', 4, DE),
  city('München', 'Bayern', 'Germany', 'EMEA', 48.1351, 11.582, '80331', 4, DE),
  city('Hamburg', 'Hamburg', 'Germany', 'EMEA', 53.5511, 9.9937, '20095', 3, DE),
  city('Frankfurt am Main', 'Hessen', 'Germany', 'EMEA', 50.1109, 8.6821, '60311', 3, DE),
  city('Paris', 'Île-de-France', 'France', 'EMEA', 48.8566, 2.3522, '75001', 5, FR),
  city('Lyon', 'Auvergne-Rhône-Alpes', 'France', 'EMEA', 45.764, 4.8357, '69001', 2, FR),
  city('Amsterdam', 'Noord-Holland', 'Netherlands', 'EMEA', 52.3676, 4.9041, '1012 AB', 3, ['B.V.', 'N.V.']),
  city('Madrid', 'Madrid', 'Spain', 'EMEA', 40.4168, -3.7038, '28001', 2, ['S.L.', 'S.A.']),
  city('Stockholm', 'Stockholm', 'Sweden', 'EMEA', 59.3293, 18.0686, '111 20', 2, ['AB']),
  city('Dublin', 'Leinster', 'Ireland', 'EMEA', 53.3498, -6.2603, 'D02 X285', 2, ['Ltd', 'DAC']),
  city('Sydney', 'NSW', 'Australia', 'APAC', -33.8688, 151.2093, '2000', 5, AU),
  city('Melbourne', 'VIC', 'Australia', 'APAC', -37.8136, 144.9631, '3000', 4, AU),
  city('Brisbane', 'QLD', 'Australia', 'APAC', -27.4698, 153.0251, '4000', 2, AU),
  city('Tokyo', 'Tokyo', 'Japan', 'APAC', 35.6762, 139.6503, '100-0005', 6, ['K.K.', 'Co., Ltd.']),
  city('Osaka', 'Osaka', 'Japan', 'APAC', 34.6937, 135.5023, '530-0001', 2, ['K.K.']),
  city('Singapore', 'Singapore', 'Singapore', 'APAC', 1.3521, 103.8198, '018956', 4, ['Pte. Ltd.']),
  city('Auckland', 'Auckland', 'New Zealand', 'APAC', -36.8485, 174.7633, '1010', 1, ['Limited']),
  city('Bengaluru', 'Karnataka', 'India', 'APAC', 12.9716, 77.5946, '560001', 2, ['Pvt. Ltd.']),
]

/** Cities per region, for weighted picks. */
export function citiesIn(region: Region): readonly City[] {
  return CITIES.filter((c) => c.region === region)
}

/**
 * A postal code near the centre's: all-digit codes vary in their last two digits and keep their
 * width (02110 → 02137, never 2137); other formats are kept as they are.
 */
export function nearbyPostalCode(centre: string, offset: number): string {
  if (!/^\d+$/.test(centre)) return centre
  const width = centre.length
  const base = Number(centre)
  const value = width >= 5 ? base + offset : base + (offset % 10)
  return String(value).padStart(width, '0')
}
