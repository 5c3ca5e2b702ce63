/**
 * The response, calling `close` once: when its body has been sent, when it has none, or when the client
 * leaves before the end (`signal` aborts, as `@hono/node-server` does on a premature close).
 */
export function closeWhenSent(response: Response, signal: AbortSignal, close: () => Promise<void>): Response {
  let closed = false;
  const closeOnce = () => {
    if (closed) return;
    closed = true;
    signal.removeEventListener('abort', closeOnce);
    void close();
  };
  if (!response.body || signal.aborted) {
    closeOnce();
    return response;
  }
  signal.addEventListener('abort', closeOnce);
  const body = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ flush: closeOnce }));
  return new Response(body, response);
}
