import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { EventEmitter } from 'node:events';
import { requestDurations } from './telemetry';

const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 60_000 });
const provider = new MeterProvider({ readers: [reader] });
metrics.setGlobalMeterProvider(provider);
afterAll(() => provider.shutdown());

/** A response as Node's: a status code and the events that end it. */
const response = (statusCode: number) => Object.assign(new EventEmitter(), { statusCode });

it('records each request once, in seconds, by method, route template and status, never by raw path', async () => {
  const time = requestDurations();
  const routed = response(200);
  time({ method: 'GET' }, routed, () => '/api/v1/workspaces/:ws/leads');
  routed.emit('finish');
  routed.emit('close'); // both fire for a finished response: still one request
  const unrouted = response(404);
  time({ method: 'POST' }, unrouted, () => undefined);
  unrouted.emit('close');

  await reader.forceFlush();
  const points = exporter
    .getMetrics()
    .flatMap((batch) => batch.scopeMetrics)
    .flatMap((scope) => scope.metrics)
    .filter((metric) => metric.descriptor.name === 'http.server.request.duration')
    .flatMap((metric) => metric.dataPoints as DataPoint<Histogram>[]);
  expect(points.map((point) => point.attributes)).toEqual([
    {
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'http.route': '/api/v1/workspaces/:ws/leads',
    },
    { 'http.request.method': 'POST', 'http.response.status_code': 404 },
  ]);
  expect(points.map((point) => point.value.count)).toEqual([1, 1]);
  expect(points[0]!.value.sum).toBeLessThan(5);
});
