import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  ConsoleMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** The standard OpenTelemetry variables this reads (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/). */
export type TelemetryEnv = {
  /** `http://localhost:4318`: traces to `<it>/v1/traces`, metrics to `<it>/v1/metrics` (OTLP over HTTP, JSON). */
  readonly OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  readonly OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
  readonly OTEL_EXPORTER_OTLP_METRICS_ENDPOINT?: string;
  /** `console` prints spans; `none` sends none; otherwise OTLP when an endpoint is set. */
  readonly OTEL_TRACES_EXPORTER?: string;
  /** `console` prints metrics; `none` sends none; otherwise OTLP when an endpoint is set. */
  readonly OTEL_METRICS_EXPORTER?: string;
  /** Milliseconds between metric exports (default 60000). */
  readonly OTEL_METRIC_EXPORT_INTERVAL?: string;
  readonly OTEL_SERVICE_NAME?: string;
};

export type LocalTelemetry = {
  /** Sends what is pending now (tests; a stop signal goes through `shutdown`). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
};

const exportersOf = (setting: string | undefined): string[] =>
  (setting ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * Traces and metrics outside Azure, from the standard variables: OTLP to `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (a collector, Jaeger, Aspire's dashboard…), or printed with `OTEL_TRACES_EXPORTER=console` /
 * `OTEL_METRICS_EXPORTER=console`. With none of them nothing is registered and the API stays a no-op
 * — in App Service the Application Insights agent registers its own (docs/deploy.md).
 */
export function startLocalTelemetry(env: TelemetryEnv, serviceName: string): LocalTelemetry | undefined {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (base && `${base}/v1/traces`);
  const metricsUrl = env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT || (base && `${base}/v1/metrics`);
  const traceExporters = exportersOf(env.OTEL_TRACES_EXPORTER);
  const metricExporters = exportersOf(env.OTEL_METRICS_EXPORTER);
  const resource = resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName });

  const spanProcessors: SpanProcessor[] = [];
  if (traceExporters.includes('console'))
    spanProcessors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
  if (
    tracesUrl &&
    !traceExporters.includes('none') &&
    (traceExporters.length === 0 || traceExporters.includes('otlp'))
  )
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl })));

  const metricPushers: PushMetricExporter[] = [];
  if (metricExporters.includes('console')) metricPushers.push(new ConsoleMetricExporter());
  if (
    metricsUrl &&
    !metricExporters.includes('none') &&
    (metricExporters.length === 0 || metricExporters.includes('otlp'))
  )
    metricPushers.push(new OTLPMetricExporter({ url: metricsUrl }));

  if (spanProcessors.length === 0 && metricPushers.length === 0) return undefined;
  const tracer = spanProcessors.length > 0 ? new NodeTracerProvider({ resource, spanProcessors }) : undefined;
  tracer?.register();
  const interval = Number(env.OTEL_METRIC_EXPORT_INTERVAL) || 60_000;
  const meter =
    metricPushers.length > 0
      ? new MeterProvider({
          resource,
          readers: metricPushers.map(
            (exporter) =>
              new PeriodicExportingMetricReader({
                exporter,
                exportIntervalMillis: interval,
                exportTimeoutMillis: Math.min(30_000, interval),
              }),
          ),
        })
      : undefined;
  if (meter) metrics.setGlobalMeterProvider(meter);
  return {
    flush: async () => {
      await Promise.all([tracer?.forceFlush(), meter?.forceFlush()]);
    },
    shutdown: async () => {
      await Promise.all([tracer?.shutdown(), meter?.shutdown()]);
    },
  };
}
