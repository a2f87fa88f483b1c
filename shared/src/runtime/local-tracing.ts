import { ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** `OTEL_TRACES_EXPORTER=console`: spans printed to stdout (local runs); otherwise nothing is registered. */
export function startLocalTracing(env: {
  readonly OTEL_TRACES_EXPORTER?: string;
}): { shutdown(): Promise<void> } | undefined {
  if (env.OTEL_TRACES_EXPORTER !== 'console') return undefined;
  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
