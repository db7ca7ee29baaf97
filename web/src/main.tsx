import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/initI18n';
import './styles/app.css';
import './styles/process.css';
import './styles/lists.css';
import './styles/vehicles.css';
import './styles/notifications.css';
import './styles/apiTokens.css';
import './styles/tenders.css';

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
