// /metrics speaks the Prometheus text format: every figure once, with its help and type, under a name
// of its own, and the value the server counted.
import { describe, expect, it } from 'vitest'
import { createMetrics, renderMetrics } from './metrics.ts'

describe('renderMetrics', () => {
  const metrics = createMetrics()
  metrics.exportsCancelled = 3
  metrics.documentsFailing = 1
  const text = renderMetrics(metrics, { roomsOpen: 2, peersOpen: 5 })
  const samples = text.split('\n').filter((line) => line.startsWith('novex_'))

  it('gives every figure one sample, one help and one type line, under a unique name', () => {
    const names = samples.map((line) => line.split(' ')[0] ?? '')
    expect(new Set(names).size).toBe(names.length)
    expect(names.length).toBe(Object.keys(metrics).length + 3)
    for (const name of names) {
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S.*$`, 'm'))
      expect(text).toMatch(new RegExp(`^# TYPE ${name} (counter|gauge)$`, 'm'))
    }
  })

  it('reports counted and live values, counters ending in _total', () => {
    expect(samples).toContain('novex_exports_cancelled_total 3')
    expect(samples).toContain('novex_documents_failing 1')
    expect(samples).toContain('novex_rooms_open 2')
    expect(samples).toContain('novex_peers_open 5')
    for (const line of text.split('\n').filter((l) => l.startsWith('# TYPE') && l.endsWith(' counter')))
      expect(line.split(' ')[2]).toMatch(/_total$/)
  })
})
