import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Counter, Gauge, Histogram, MetricsRegistry } from './metrics-registry.ts';

describe('metrics registry (Prometheus text format)', () => {
  it('renders cumulative histogram buckets, sum and count per series', async () => {
    const registry = new MetricsRegistry();
    const histogram = registry.register(new Histogram('latency_seconds', 'Latency.', [0.1, 1]));
    histogram.observe({ route: '/v1/quotes' }, 0.05);
    histogram.observe({ route: '/v1/quotes' }, 0.5);
    histogram.observe({ route: '/v1/quotes' }, 3);
    const text = await registry.render();
    assert.equal(
      text,
      [
        '# HELP latency_seconds Latency.',
        '# TYPE latency_seconds histogram',
        'latency_seconds_bucket{route="/v1/quotes",le="0.1"} 1',
        'latency_seconds_bucket{route="/v1/quotes",le="1"} 2',
        'latency_seconds_bucket{route="/v1/quotes",le="+Inf"} 3',
        'latency_seconds_sum{route="/v1/quotes"} 3.55',
        'latency_seconds_count{route="/v1/quotes"} 3',
        '',
      ].join('\n'),
    );
  });

  it('keeps one series per label set whatever their order, and escapes label values', async () => {
    const registry = new MetricsRegistry();
    const counter = registry.register(new Counter('things_total', 'Things.'));
    counter.inc({ a: '1', b: '2' });
    counter.inc({ b: '2', a: '1' }, 2);
    counter.inc({ a: 'say "hi"\\\n' });
    assert.equal(counter.get({ b: '2', a: '1' }), 3);
    const text = await registry.render();
    assert.match(text, /^things_total\{a="1",b="2"\} 3$/m);
    assert.match(text, /^things_total\{a="say \\"hi\\"\\\\\\n"\} 1$/m);
  });

  it('reads gauges at scrape time, and leaves out one whose source fails', async () => {
    const registry = new MetricsRegistry();
    let depth = 3;
    registry.register(new Gauge('depth', 'Depth.', async () => [{ value: depth }]));
    registry.register(
      new Gauge('broken', 'Broken.', () => {
        throw new Error('database down');
      }),
    );
    assert.match(await registry.render(), /^depth 3$/m);
    depth = 5;
    const text = await registry.render();
    assert.match(text, /^depth 5$/m);
    assert.doesNotMatch(text, /broken/);
    assert.throws(() => registry.register(new Counter('depth', 'Again.')), /registered twice/);
  });
});
