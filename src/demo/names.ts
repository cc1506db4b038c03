import type { Random } from '../domain/shared/random.js'
import type { Industry } from './sales-model.js'

const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Lukas',
  'Chen',
  'Priya',
  'Daniel',
  'Sofia',
  'Kenji',
  'Olivia',
  'Mateo',
  'Hannah',
  'Omar',
  'Emma',
  'Ravi',
  'Chloé',
  'Noah',
  'Yuki',
  'Grace',
  'Felix',
  'Amara',
  'Ethan',
  'Ingrid',
  'Lucas',
  'Mei',
  'Samuel',
  'Zoë',
  'Jonas',
  'Leila',
  'Marcus',
  'Nina',
  'Diego',
  'Freya',
  'Tomás',
  'Hiro',
  'Clara',
  'Isaac',
  'Fatima',
  'Oscar',
  'Renée',
  'Ben',
  'Julia',
  'Kwame',
  'Sara',
  'Liam',
  'Anika',
  'Victor',
  'Elena',
  'Ryan',
  'Mia',
] as const

const LAST_NAMES = [
  'Schmidt',
  'Johnson',
  'Okafor',
  'Weber',
  'Wang',
  'Patel',
  'García',
  'Rossi',
  'Tanaka',
  'Brown',
  'Silva',
  'Müller',
  'Haddad',
  'Wilson',
  'Kumar',
  'Dubois',
  'Miller',
  'Sato',
  'Kim',
  'Novak',
  "O'Brien",
  'Anderson',
  'Larsen',
  'Moreau',
  'Chen',
  'Cohen',
  'Fischer',
  'Nguyen',
  'Rahman',
  'Clarke',
  'Evans',
  'Lopez',
  'Berg',
  'Costa',
  'Ito',
  'Walsh',
  'Martin',
  'Ali',
  'Jensen',
  'Taylor',
] as const

const SYLLABLES_A = [
  'Nor',
  'Vex',
  'Qua',
  'Lum',
  'Zen',
  'Bri',
  'Cor',
  'Tri',
  'Ax',
  'Hel',
  'Ver',
  'Sol',
  'Nex',
  'Cal',
  'Ori',
  'Mer',
  'Stra',
  'Pol',
  'Kin',
  'Arc',
  'Bel',
  'Dyn',
  'Fal',
  'Gal',
  'Iso',
  'Jun',
  'Kor',
  'Lyn',
] as const

const SYLLABLES_B = [
  'tek',
  'ly',
  'ion',
  'ora',
  'ex',
  'ia',
  'um',
  'iva',
  'ant',
  'ico',
  'ara',
  'on',
  'is',
  'wyn',
] as const

const INDUSTRY_WORDS: Readonly<Record<Industry, readonly string[]>> = {
  Software: ['Software', 'Labs', 'Systems', 'Cloud', 'Digital'],
  Healthcare: ['Health', 'Medical', 'Care', 'Clinics', 'Bio'],
  'Financial Services': ['Capital', 'Bank', 'Finance', 'Insurance', 'Partners'],
  Manufacturing: ['Industries', 'Manufacturing', 'Components', 'Works', 'Tools'],
  Retail: ['Retail', 'Stores', 'Brands', 'Goods', 'Market'],
  Logistics: ['Logistics', 'Freight', 'Transport', 'Shipping', 'Supply'],
  Media: ['Media', 'Studios', 'Publishing', 'Broadcast', 'Creative'],
  Energy: ['Energy', 'Power', 'Solar', 'Utilities', 'Renewables'],
  Education: ['Learning', 'Academy', 'Education', 'Schools', 'Campus'],
}

export interface PersonName {
  readonly first: string
  readonly last: string
}

export function personName(random: Random): PersonName {
  return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) }
}

/** Lower-case ASCII for e-mail addresses and domains: "Chloé O'Brien" → "chloe", "obrien". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export function emailAddress(person: PersonName, domain: string): string {
  return `${asciiSlug(person.first)}.${asciiSlug(person.last)}@${domain}`
}

/** A brand made of two syllables, sometimes three: "Norvex", "Lumiaora". */
export function brandName(random: Random): string {
  const a = random.pick(SYLLABLES_A)
  const b = random.pick(SYLLABLES_B)
  return random.next() < 0.15 ? `${a}${random.pick(SYLLABLES_B)}${b}` : `${a}${b}`
}

/** "Norvex Health GmbH", "Kinora & Partners Ltd" */
export function companyName(random: Random, industry: Industry, legalForms: readonly string[]): string {
  const brand = brandName(random)
  const word = random.pick(INDUSTRY_WORDS[industry])
  const form = random.pick(legalForms)
  const r = random.next()
  if (r < 0.08) return `${brand} & ${random.pick(['Partners', 'Sons', 'Co.'])} ${form}`
  if (r < 0.2) return `${brand} ${form}`
  return `${brand} ${word} ${form}`
}

/** The brand part of a company name as a web domain: "Norvex Health GmbH" → "norvexhealth.com". */
export function companyDomain(company: string): string {
  const words = company.split(' ')
  return `${asciiSlug(words.slice(0, Math.min(2, words.length)).join(''))}.com`
}
