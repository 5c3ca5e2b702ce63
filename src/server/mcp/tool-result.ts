import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toSpravkaError } from '../../errors/index.js';

export function textResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }] };
}

/** A failed tool call, as MCP reports it to the model: a result marked as an error, not a protocol error. */
export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Anything thrown by a tool, with spravka's message and hint; the detail of an unexpected error is not leaked. */
export function failureResult(error: unknown): CallToolResult {
  const failure = toSpravkaError(error);
  if (failure.code === 'internal') return errorResult('Internal error.');
  return errorResult(failure.hint ? `${failure.text.en} ${failure.hint.en}` : failure.text.en);
}
