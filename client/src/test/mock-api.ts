import { jest } from '@jest/globals';

export type MockRequest = { method: string; path: string; search: URLSearchParams; headers: Headers; body: unknown };
export type MockReply = { status?: number; body?: unknown };
export type MockHandler = (req: MockRequest) => MockReply | Promise<MockReply>;

/**
 * Replaces fetch, the network boundary: each handler answers "METHOD /api/path" (`:param`
 * segments match anything). Unhandled requests answer 404 in API.md's error format.
 */
export function mockApi(handlers: Record<string, MockHandler>) {
  const requests: MockRequest[] = [];
  const routes = Object.entries(handlers).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const regex = new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
    return { method, regex, handler };
  });
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const req: MockRequest = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(req);
    const route = routes.find((r) => r.method === req.method && r.regex.test(req.path));
    const reply = route
      ? await route.handler(req)
      : { status: 404, body: { error: { code: 'not_found', message: `no mock for ${req.method} ${req.path}` } } };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return {
    requests,
    fetchMock,
    calls: (method: string, path: RegExp) => requests.filter((r) => r.method === method && path.test(r.path)),
  };
}
