import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createApi, startupTransport } from './api.js';
import { ApiProvider } from './lib/apiClient.js';
import './styles.css';
// After the screen styles, so paper wins where the two disagree.
import './print.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
// The transport is chosen once, here: IPC in Electron, HTTP to the local host in browser mode.
const api = createApi(startupTransport());
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
