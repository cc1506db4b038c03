import { describe, expect, it } from 'vitest'
import { neighbourGraph, pieceOf } from './neighbour-graph.js'

const meridian = (lats: number[]) => lats.map((lat) => ({ lat, lon: 0 }))

describe('neighbourGraph', () => {
  it('chains collinear accounts in order along the line', () => {
    const g = neighbourGraph(meridian([0, 2, 1]))
    expect([...g.edges].map((e) => [...e]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ])
  })
  it('joins accounts at the same place', () => {
    const g = neighbourGraph(meridian([0, 0, 1]))
    expect(g.edges.some(([a, b]) => a === 0 && b === 1)).toBe(true)
  })
  it('keeps every edge of a small graph (the nearest-rank 95th percentile of under 20 edges is the longest)', () => {
    const g = neighbourGraph([
      { lat: 0, lon: 0 },
      { lat: 0, lon: 1 },
      { lat: 1, lon: 0 },
      { lat: 1, lon: 1 },
    ])
    expect(g.edges).toHaveLength(5) // 4 sides and one diagonal
  })
  it('drops the edges longer than the 95th percentile, cutting off a far account', () => {
    // a 10 × 10 grid 0.1° apart (261 edges of 0.1° or 0.14°) and one account 5° east of it
    const pts = Array.from({ length: 100 }, (_, k) => ({ lat: Math.floor(k / 10) / 10, lon: (k % 10) / 10 }))
    pts.push({ lat: 0.45, lon: 5 })
    const g = neighbourGraph(pts)
    expect(g.edges.some(([a, b]) => a === 100 || b === 100)).toBe(false)
    expect(g.maxEdgeKm).toBeLessThan(16)
  })
})

describe('pieceOf', () => {
  it('splits a group where another group cuts through it', () => {
    // chain 0-1-2-3, groups A A B A: A has pieces {0,1} and {3}
    const piece = pieceOf(
      [0, 0, 1, 0],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    )
    expect(Array.from(piece)).toEqual([0, 0, 2, 3])
  })
})
