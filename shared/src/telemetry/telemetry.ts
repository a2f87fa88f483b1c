import { metrics, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

/**
 * Traces and metrics through the OpenTelemetry API: a no-op until a provider is registered. In Azure,
 * App Service's Node.js agent (`ApplicationInsightsAgent_EXTENSION_VERSION`, infra/azure.bicep)
 * registers one that sends to Application Insights, so these spans join its request spans; elsewhere
 * `OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_TRACES_EXPORTER=console` set one up (`runtime/local-telemetry.ts`).
 */
const NAME = 'pipeline-crm';

/** Runs `work` in a span (a child of the active one), ending it when the work ends; a throw marks it failed. */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return trace.getTracer(NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Adds attributes to the active span (the request's, the activity's), when there is one. */
export function annotate(attributes: Attributes): void {
  trace.getActiveSpan()?.setAttributes(attributes);
}

/** The app's meter: counters and gauges named `crm.*`. */
export const meter = () => metrics.getMeter(NAME);

/** Counts storage's transient failures (503 busy, timeouts, lost connections): the throttling metric. */
export function storageTransientCounter(): (failure: {
  method: string;
  what: string;
  refused: boolean;
}) => void {
  const counter = meter().createCounter('crm.storage.transient', {
    description: 'Storage requests that failed transiently (busy, timeout, lost connection), retried or not',
  });
  return (failure) =>
    counter.add(1, {
      'http.request.method': failure.method,
      'crm.storage.failure': failure.what,
      'crm.storage.refused': failure.refused,
    });
}

/** Relay lag and given-up events as gauges, read from the relay's own counters when collected. */
export function observeRelay(
  read: () => { readonly lagMs: number; readonly deadLettered: number; readonly unresolved: number },
): void {
  meter()
    .createObservableGauge('crm.relay.lag', {
      unit: 'ms',
      description: 'Age of the oldest pending event this instance has seen',
    })
    .addCallback((result) => result.observe(read().lagMs));
  meter()
    .createObservableCounter('crm.relay.dead_letters', {
      description: 'Events moved to the dead letters by this instance',
    })
    .addCallback((result) => result.observe(read().deadLettered));
  meter()
    .createObservableCounter('crm.relay.unresolved', {
      description: 'Events whose targets could not be worked out (retried)',
    })
    .addCallback((result) => result.observe(read().unresolved));
}

/** What a request timing needs of Node's request and response (no dependency on node:http here). */
type TimedRequest = { readonly method?: string };
type TimedResponse = {
  readonly statusCode: number;
  once(event: 'finish' | 'close', listener: () => void): unknown;
};

/**
 * Request latency, as OpenTelemetry's HTTP conventions name it: `http.server.request.duration` in
 * seconds, by method, route template (never the raw path: ids would make every series unique) and
 * status. Returns a function to call when a request starts; `route` is read when it ends.
 */
export function requestDurations(): (
  request: TimedRequest,
  response: TimedResponse,
  route: () => string | undefined,
) => void {
  const histogram = meter().createHistogram('http.server.request.duration', {
    unit: 's',
    description: 'Duration of HTTP server requests',
  });
  return (request, response, route) => {
    const started = performance.now();
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      const template = route();
      histogram.record((performance.now() - started) / 1000, {
        'http.request.method': request.method ?? 'GET',
        'http.response.status_code': response.statusCode,
        ...(template ? { 'http.route': template } : {}),
      });
    };
    response.once('finish', record);
    response.once('close', record);
  };
}
