import type { ApiClient } from './api-client';

/**
 * An `ApiClient` for component tests: the calls a test gives; any other call rejects, naming itself,
 * so a view that asks for more than the test expected fails clearly.
 */
export function fakeApiClient(calls: Partial<ApiClient>): ApiClient {
  return new Proxy(calls, {
    get: (target, name: string) =>
      target[name as keyof ApiClient] ?? (() => Promise.reject(new Error(`fake api: ${name} not given`))),
  }) as ApiClient;
}
