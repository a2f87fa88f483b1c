import { ApiError } from '../api/api-error';

export type DevIdentity = { readonly tenantId: string; readonly userId: string; readonly name: string };

/** Local sign-in (AUTH_MODE=dev): `POST /api/dev/token` mints a token the server verifies like Teams SSO. */
export async function requestDevToken(identity: DevIdentity, doFetch: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await doFetch('/api/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(identity),
    });
  } catch {
    throw new ApiError(0, 'NETWORK.UNAVAILABLE');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string };
    throw new ApiError(response.status, problem.code ?? `HTTP.${response.status}`);
  }
  return ((await response.json()) as { token: string }).token;
}
