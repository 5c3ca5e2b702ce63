import { toOpenAIError } from './openai-error.js';

/**
 * An OpenAI-style event stream: each item as `data: JSON`, then `data: [DONE]`. A failure after the
 * stream started is sent as an `{error}` event (which OpenAI clients raise) and ends the stream without
 * `[DONE]`. When the client goes away, `abort` is called and the items are abandoned.
 */
export function serverSentEvents(items: AsyncGenerator<unknown, void>, abort: () => void): Response {
  const encoder = new TextEncoder();
  let cancelled = false;
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, data: string) =>
    controller.enqueue(encoder.encode(`data: ${data}\n\n`));

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = await items.next();
        if (cancelled) return;
        if (step.done) {
          send(controller, '[DONE]');
          controller.close();
        } else {
          send(controller, JSON.stringify(step.value));
        }
      } catch (error) {
        if (cancelled) return;
        send(controller, JSON.stringify(toOpenAIError(error).toBody()));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      abort();
      // The answer fails with `cancelled` now, which nobody is left to hear.
      await items.return(undefined).catch(() => undefined);
    },
  });

  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      // Proxies such as nginx would otherwise hold the tokens back.
      'X-Accel-Buffering': 'no',
    },
  });
}
