import { useEffect, useState } from 'react';
import type { Options } from 'react-markdown';

type Plugin = NonNullable<Options['rehypePlugins']>[number];

/**
 * Syntax highlighting is a third of the app's code (highlight.js with its common languages), so it is
 * loaded after the first answer shows; code blocks are plain text until then (a moment).
 */
let loading: Promise<Plugin> | undefined;
let loaded: Plugin | undefined;

function loadHighlighter(): Promise<Plugin> {
  loading ??= import('rehype-highlight').then(({ default: rehypeHighlight }) => {
    loaded = [rehypeHighlight, { detect: false }];
    return loaded;
  });
  return loading;
}

export function useHighlighter(): Plugin | undefined {
  // Wrapped, since React would call a plugin that is a function as a state initialiser.
  const [state, setState] = useState<{ plugin: Plugin } | undefined>(loaded && { plugin: loaded });
  useEffect(() => {
    if (state) return;
    let mounted = true;
    loadHighlighter().then((plugin) => {
      if (mounted) setState({ plugin });
    });
    return () => {
      mounted = false;
    };
  }, [state]);
  return state?.plugin;
}
