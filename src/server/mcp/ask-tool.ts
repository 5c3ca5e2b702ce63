import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ApiDependencies, Caller } from '../api-dependencies.js';
import { answerWithSources, finishAnswer } from '../openai-compatible/index.js';
import { failureResult, textResult } from './tool-result.js';

/** `ask {question}`: spravka's answer from what the caller may read, with its cited sources listed. */
export function registerAskTool(server: McpServer, dependencies: ApiDependencies, caller: Caller): void {
  server.registerTool(
    'ask',
    {
      title: 'Ask the knowledge base',
      description:
        'Answers a question from the wiki, code and documents you may read, citing them as [1], [2] ' +
        'with a list of the sources at the end; says so when they do not contain the answer.',
      inputSchema: { question: z.string().min(1).describe('The question, in Russian or English.') },
      annotations: { readOnlyHint: true },
    },
    async ({ question }, { signal }) => {
      try {
        const result = await finishAnswer(
          dependencies.ask({ question, principals: caller.principals, signal }),
        );
        return textResult(answerWithSources(result));
      } catch (error) {
        return failureResult(error);
      }
    },
  );
}
