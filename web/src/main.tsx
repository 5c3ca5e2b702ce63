import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi, Transport } from './api';
import { App } from './app';
import { I18nProvider, initialLanguage } from './i18n';
import { ApiContext } from './session';
import { applyTheme, storedTheme } from './ui/theme';
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/chat.css';
import './styles/answer.css';
import './styles/admin.css';
import './styles/highlight.css';

// The composition root: the one place that makes the API client and wires the language into it.
applyTheme(storedTheme());
let language = initialLanguage();
const sessionEnded = new EventTarget();
const transport = new Transport({
  language: () => language,
  onUnauthorized: () => sessionEnded.dispatchEvent(new Event('ended')),
});
const api = createApi(transport);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <I18nProvider
        language={language}
        onChange={(next) => {
          language = next;
        }}
      >
        <App sessionEnded={sessionEnded} />
      </I18nProvider>
    </ApiContext.Provider>
  </StrictMode>,
);
